package com.teahouse.channel.web.internal;

import com.teahouse.channel.web.WebChannel;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Contact;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Person;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the user did on the page: exactly one of text, button or phone (unknown fields are refused when it is
 * read), and its translation into the message path's {@link Inbound}. The page's own id for the send makes the
 * message id, so a send the page retries is one message.
 */
record Send(String id, String text, String button, String ref, String phone, String lang) {

    static final int MAX_TEXT = 4000;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** A transcript line id the page answers to (a Redis stream id), or a channel message ref. */
    private static final Pattern REF = Pattern.compile("[0-9A-Za-z-]{1,64}");

    static boolean isRef(String value) {
        return value != null && REF.matcher(value).matches();
    }

    boolean wellFormed() {
        return id != null && CLIENT_ID.matcher(id).matches() && (ref == null || isRef(ref));
    }

    boolean tooLong() {
        return text != null && text.length() > MAX_TEXT;
    }

    /** Null when the send carries nothing the conversation can use. */
    Inbound toInbound(String session, String language) {
        Address from = Address.of(WebChannel.NAME, session);
        Person person = new Person(session, null, language);
        String messageId = "web:" + session + ":" + id;
        if (button != null && !button.isBlank() && button.length() <= 64) {
            return Inbound.button(messageId, from, person, button, ref, null);
        }
        if (phone != null && !phone.isBlank() && phone.length() <= 32) {
            return new Inbound(messageId, from, person, Inbound.Kind.CONTACT, null, null, null, null,
                    new Contact(phone.trim(), null, null), List.of(), Instant.now());
        }
        if (text != null && !text.isBlank()) {
            return Inbound.text(messageId, from, person, text.strip());
        }
        return null;
    }
}
