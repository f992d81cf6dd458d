package com.teahouse.messaging;

import java.util.List;

/**
 * One thing to do on a channel: send a message, edit one, or acknowledge a button press.
 *
 * @param to         where
 * @param action     what
 * @param text       the message (null for {@link Action#ACK})
 * @param buttons    rows of buttons under the message
 * @param messageRef the message to edit, or the callback to acknowledge
 * @param attachment  a file to send with the text as caption
 * @param correlation when set, the channel's reference for the result (the sent message's id, the opened
 *                    thread's id) is published as an {@link OutboundDelivered} event carrying this value
 */
public record Outbound(Address to, Action action, RichText text, List<List<Button>> buttons, String messageRef,
        Attachment attachment, String correlation) {

    /**
     * OPEN_THREAD opens a thread (a forum topic) titled with the text's plain form in the chat; CLOSE_THREAD and
     * REOPEN_THREAD close the thread {@code to} names (nothing more can be posted in it) and open it again.
     */
    public enum Action { SEND, EDIT, ACK, OPEN_THREAD, CLOSE_THREAD, REOPEN_THREAD }

    public Outbound {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public Outbound(Address to, Action action, RichText text, List<List<Button>> buttons, String messageRef,
            Attachment attachment) {
        this(to, action, text, buttons, messageRef, attachment, null);
    }

    public Outbound correlated(String value) {
        return new Outbound(to, action, text, buttons, messageRef, attachment, value);
    }

    public static Outbound openThread(Address chat, String title, String correlation) {
        return new Outbound(chat, Action.OPEN_THREAD, RichText.plain(title), List.of(), null, null, correlation);
    }

    /** Closes the thread (forum topic) of {@code thread}; posting there is refused until it is reopened. */
    public static Outbound closeThread(Address thread) {
        return new Outbound(requireThread(thread), Action.CLOSE_THREAD, null, List.of(), null, null);
    }

    public static Outbound reopenThread(Address thread) {
        return new Outbound(requireThread(thread), Action.REOPEN_THREAD, null, List.of(), null, null);
    }

    private static Address requireThread(Address a) {
        if (a.thread() == null) {
            throw new IllegalArgumentException("a thread address is needed, got the chat " + a.conversationKey());
        }
        return a;
    }

    public static Outbound send(Address to, RichText text, List<List<Button>> buttons) {
        return new Outbound(to, Action.SEND, text, buttons, null, null);
    }

    public static Outbound send(Address to, RichText text) {
        return send(to, text, List.of());
    }

    public static Outbound edit(Address to, String messageRef, RichText text, List<List<Button>> buttons) {
        return new Outbound(to, Action.EDIT, text, buttons, messageRef, null);
    }

    public static Outbound ack(Address to, String callbackRef) {
        return new Outbound(to, Action.ACK, null, List.of(), callbackRef, null);
    }

    public static Outbound file(Address to, Attachment attachment, RichText caption) {
        return new Outbound(to, Action.SEND, caption, List.of(), null, attachment);
    }
}
