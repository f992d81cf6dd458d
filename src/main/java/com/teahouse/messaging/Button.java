package com.teahouse.messaging;

/**
 * A button under a reply. {@code data} comes back in {@link Inbound#data()} when pressed; a
 * {@link Kind#SHARE_CONTACT} button asks the client for the user's phone number instead.
 */
public record Button(String label, String data, Kind kind) {

    public enum Kind { ACTION, SHARE_CONTACT }

    public static Button action(String label, String data) {
        return new Button(label, data, Kind.ACTION);
    }

    public static Button shareContact(String label) {
        return new Button(label, "contact", Kind.SHARE_CONTACT);
    }
}
