package com.teahouse.messaging;

/**
 * Conversation logic, plugged into the message path. The path calls it one message at a time per chat, with
 * the chat's stored state; it must not write Redis state of its own for the conversation (the path commits
 * the returned {@link Step} atomically with the dedupe marker). Side effects elsewhere (opening a case) must
 * be idempotent on {@link Inbound#id()}, because a crash before the commit replays the message.
 */
public interface MessageHandler {

    /** Whether this handler owns messages from that address; the first that does gets them. */
    boolean accepts(Address from);

    Step handle(Inbound message, String state);

    /** The reply when {@link #handle} threw: a short apology in the user's language, so none goes unanswered. */
    Step failed(Inbound message, String state, RuntimeException error);
}
