package com.teahouse.channel.telegram.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * The secret Telegram sends back in {@code X-Telegram-Bot-Api-Secret-Token} on every webhook call. Telegram allows
 * 1–256 characters of {@code A-Za-z0-9_-}; anything else would make setWebhook fail at run time, so it is refused
 * at start-up. Compared in constant time, so response timing tells a caller nothing about how much of a guess was
 * right. Its value never appears in a message or a log.
 */
final class WebhookSecret {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final byte[] expected;

    private WebhookSecret(String secret) {
        this.expected = secret.getBytes(StandardCharsets.US_ASCII);
    }

    /** @throws WebhookMisconfigured saying what is wrong, without the value */
    static WebhookSecret of(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new WebhookMisconfigured("teahouse.telegram.webhook.secret is not set; webhook mode needs it");
        }
        if (secret.length() > 256) {
            throw new WebhookMisconfigured("teahouse.telegram.webhook.secret is " + secret.length()
                    + " characters long; Telegram allows at most 256");
        }
        if (!ALLOWED.matcher(secret).matches()) {
            throw new WebhookMisconfigured("teahouse.telegram.webhook.secret has characters Telegram does not "
                    + "allow; use only A-Z, a-z, 0-9, _ and -");
        }
        return new WebhookSecret(secret);
    }

    String value() {
        return new String(expected, StandardCharsets.US_ASCII);
    }

    boolean matches(String presented) {
        byte[] given = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
