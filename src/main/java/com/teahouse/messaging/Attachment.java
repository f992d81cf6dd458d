package com.teahouse.messaging;

/**
 * A file the user sent or that we send: the channel's own file reference plus what we know about it.
 *
 * @param kind photo, document, voice, video, sticker, ...
 */
public record Attachment(String kind, String fileId, String fileName, String mimeType, Long size) {
}
