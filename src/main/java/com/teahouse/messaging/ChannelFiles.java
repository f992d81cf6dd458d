package com.teahouse.messaging;

import java.io.IOException;
import java.io.InputStream;

/**
 * Fetches a file a user sent, by its channel's own reference ({@link Attachment#fileId()}), through the server:
 * staff never get a channel URL (a Telegram file URL carries the bot token). Implemented by the channels that
 * receive files; absent when none is configured.
 */
public interface ChannelFiles {

    /** Whether this implementation serves files of {@code channel} ("telegram", …). */
    boolean serves(String channel);

    /**
     * The file's bytes, at most {@code maxBytes} of them.
     *
     * @throws TooLarge    when the file is larger than {@code maxBytes}
     * @throws IOException when the channel cannot give it now
     */
    byte[] fetch(String fileId, long maxBytes) throws IOException;

    final class TooLarge extends IOException {
        public TooLarge() {
            super("file larger than allowed");
        }
    }

    /** Reads a stream up to {@code maxBytes}; more is {@link TooLarge}. */
    static byte[] capped(InputStream in, long maxBytes) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new TooLarge();
            }
            return bytes;
        }
    }
}
