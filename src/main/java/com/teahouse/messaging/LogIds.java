package com.teahouse.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, stable stand-in for an identifier that must not be logged as it is (see {@link Inbound#logId()}). */
final class LogIds {

    private LogIds() {
    }

    /** The first 12 hex digits of the SHA-256 of {@code value}: enough to match log lines, useless as a key. */
    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
