package com.teahouse.messaging;

/**
 * Published (as a Spring application event, in the instance that delivered it) when a correlated
 * {@link Outbound} went out: {@code ref} is the channel's id of the created message or thread.
 */
public record OutboundDelivered(Outbound outbound, String correlation, String ref) {
}
