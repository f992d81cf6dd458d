/**
 * The path of a message, channel-neutral: the model that channels translate to and from ({@link Inbound},
 * {@link Outbound}), and the plumbing that keeps the invariants of docs in README (no update lost, none
 * applied twice, one step at a time per chat, no reply lost). Channels hand updates to the {@link Inbox} and
 * deliver replies through a {@link ChannelOutlet}; conversation logic plugs in as a {@link MessageHandler}.
 * {@link ChannelFiles} fetches a file a user sent through the server, never by a channel URL.
 * Lanes are fenced: each lease carries a token raised at every acquisition, and a step commits (one script) only
 * while its token is the lane's current one, so an instance that paused past its lease writes nothing.
 * A step also commits only while no earlier entry of its lane is pending, and after a Redis failure or a master
 * change a lane reads its pending entries again before any new one: a commit lost in a failover is done again
 * first, so a chat keeps its order.
 * {@link Outbox#postOnce} posts with a delivery marker in the same script, for deliveries repeated after a crash.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging",
        allowedDependencies = {"store"})
package com.teahouse.messaging;
