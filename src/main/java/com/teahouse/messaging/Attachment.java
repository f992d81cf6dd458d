package com.teahouse.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file the user sent or that we send: the channel's own file reference plus what we know about it; or, for a
 * file we made (a report), its bytes, which travel with the outbox entry (keep them small: a few hundred KB).
 *
 * @param kind    photo, document, voice, video, sticker, ...
 * @param content the file itself when we made it; null for a channel's file reference
 */
public record Attachment(String kind, String fileId, String fileName, String mimeType, Long size,
        @JsonInclude(JsonInclude.Include.NON_NULL) byte[] content) {

    public Attachment(String kind, String fileId, String fileName, String mimeType, Long size) {
        this(kind, fileId, fileName, mimeType, size, null);
    }

    /** A document we made, sent from its bytes. */
    public static Attachment document(String fileName, String mimeType, byte[] content) {
        return new Attachment("document", null, fileName, mimeType, (long) content.length, content.clone());
    }
}
