/**
 * The channels: thin adapters that translate a wire format to the neutral model of
 * {@link com.teahouse.messaging} and back. Adding a channel means a new sub-package with an inbound translator
 * feeding the {@link com.teahouse.messaging.Inbox} and a {@link com.teahouse.messaging.ChannelOutlet}; the
 * conversation engine does not change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels", allowedDependencies = {"messaging"})
package com.teahouse.channel;
