package com.teahouse.messaging;

import java.time.Duration;

/**
 * A channel's way out: performs one {@link Outbound} on the wire. The outbox calls it per chat in order, and
 * retries as the returned {@link Delivery} says.
 */
public interface ChannelOutlet {

    String channel();

    Delivery deliver(Outbound outbound);

    /**
     * Performs {@code outbound}, which the outbox may hand over again after a crash between the delivery and its
     * acknowledgement; {@code deliveryId} is the same each time. A channel that can (one whose delivery is itself a
     * Redis write) performs it once per id; the default cannot, and delivers again.
     */
    default Delivery deliver(Outbound outbound, String deliveryId) {
        return deliver(outbound);
    }

    /** How long to wait before the next send to that address is allowed (rate limits); zero when free. */
    default Duration waitBeforeSend(Address to) {
        return Duration.ZERO;
    }

    /** The result of one attempt. */
    record Delivery(Outcome outcome, Duration retryAfter, String reason, String ref) {

        public enum Outcome { DELIVERED, RETRY, FAILED }

        public static Delivery delivered() {
            return new Delivery(Outcome.DELIVERED, Duration.ZERO, null, null);
        }

        /** Delivered, and the channel's id of what was created (message id, thread id). */
        public static Delivery delivered(String ref) {
            return new Delivery(Outcome.DELIVERED, Duration.ZERO, null, ref);
        }

        public static Delivery retry(Duration after, String reason) {
            return new Delivery(Outcome.RETRY, after, reason, null);
        }

        public static Delivery failed(String reason) {
            return new Delivery(Outcome.FAILED, Duration.ZERO, reason, null);
        }
    }
}
