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
 * @param attachment a file to send with the text as caption
 */
public record Outbound(Address to, Action action, RichText text, List<List<Button>> buttons, String messageRef,
        Attachment attachment) {

    public enum Action { SEND, EDIT, ACK }

    public Outbound {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
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
