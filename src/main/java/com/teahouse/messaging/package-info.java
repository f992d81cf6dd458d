/**
 * The path of a message, channel-neutral: the model that channels translate to and from ({@link Inbound},
 * {@link Outbound}), and the plumbing that keeps the invariants of docs in README (no update lost, none
 * applied twice, one step at a time per chat, no reply lost). Channels hand updates to the {@link Inbox} and
 * deliver replies through a {@link ChannelOutlet}; conversation logic plugs in as a {@link MessageHandler}.
 * {@link ChannelFiles} fetches a file a user sent through the server, never by a channel URL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package com.teahouse.messaging;
