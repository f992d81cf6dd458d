package com.teahouse.messaging;

import java.time.Instant;
import java.util.List;

/**
 * One thing a user did, translated from a channel's wire format.
 *
 * @param id          unique per channel and stable across redeliveries: the dedupe key
 * @param from        the chat (and thread) it happened in
 * @param sender      who did it
 * @param kind        what it is
 * @param text        typed text or caption; for a button, the button's label if known
 * @param data        a pressed button's data
 * @param messageRef  the channel's id of the message this is about (the message a pressed button was on)
 * @param callbackRef the channel's handle for acknowledging a button press
 * @param chatKind    a private chat with one person, or a group (the dialog serves entrepreneurs privately only)
 */
public record Inbound(
        String id,
        Address from,
        Person sender,
        Kind kind,
        String text,
        String data,
        String messageRef,
        String callbackRef,
        Contact contact,
        List<Attachment> attachments,
        Instant at,
        ChatKind chatKind) {

    public enum Kind { TEXT, BUTTON, CONTACT, ATTACHMENT, EDITED, UNSUPPORTED }

    /** Channels without groups (the web chat) are always PRIVATE. */
    public enum ChatKind { PRIVATE, GROUP }

    public Inbound {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        at = at == null ? Instant.now() : at;
        chatKind = chatKind == null ? ChatKind.PRIVATE : chatKind;
    }

    /** In a private chat. */
    public Inbound(String id, Address from, Person sender, Kind kind, String text, String data, String messageRef,
            String callbackRef, Contact contact, List<Attachment> attachments, Instant at) {
        this(id, from, sender, kind, text, data, messageRef, callbackRef, contact, attachments, at, ChatKind.PRIVATE);
    }

    /** The same message, said in a group chat. */
    public Inbound inGroup() {
        return new Inbound(id, from, sender, kind, text, data, messageRef, callbackRef, contact, attachments, at,
                ChatKind.GROUP);
    }

    public static Inbound text(String id, Address from, Person sender, String text) {
        return new Inbound(id, from, sender, Kind.TEXT, text, null, null, null, null, List.of(), Instant.now());
    }

    public static Inbound button(String id, Address from, Person sender, String data, String messageRef,
            String callbackRef) {
        return new Inbound(id, from, sender, Kind.BUTTON, null, data, messageRef, callbackRef, null, List.of(),
                Instant.now());
    }

    /**
     * The id as logs may show it: the channel and a short hash. The id itself can hold a secret (a web chat's id is
     * its cookie, a bearer credential) or a user's chat id, neither of which belongs in a log; the hash still lets
     * an operator match the lines of one message.
     */
    public String logId() {
        return from.channel() + "#" + LogIds.hash(id);
    }

    public boolean isCommand() {
        return kind == Kind.TEXT && text != null && text.startsWith("/");
    }
}
