package com.teahouse.channel.telegram.internal;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Tells Telegram where to post updates: setWebhook with the URL, the secret and the kinds of update we handle.
 * Every instance does it at start with the same values, which Telegram treats as no change, so several starting
 * at once is harmless. Pending updates are kept (never {@code drop_pending_updates}).
 */
final class WebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final TelegramClient client;
    private final String url;
    private final WebhookSecret secret;

    WebhookRegistration(TelegramClient client, String url, WebhookSecret secret) {
        this.client = client;
        this.url = checked(url);
        this.secret = secret;
    }

    /** An absolute https URL (plain http only on loopback, for tests and a local proxy). */
    static String checked(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new WebhookMisconfigured("teahouse.telegram.webhook.url is not a URL");
        }
        String host = uri.getHost();
        boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        if (host == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
            throw new WebhookMisconfigured("teahouse.telegram.webhook.url must be an absolute https URL "
                    + "(Telegram calls only https), e.g. https://hotline.example.gov.cn/telegram/webhook");
        }
        return uri.toString();
    }

    /** True when Telegram accepted it; a failure is logged and retried by the caller's next start. */
    boolean register(List<String> allowedUpdates) {
        try {
            client.execute(SetWebhook.builder().url(url).secretToken(secret.value())
                    .allowedUpdates(allowedUpdates).build());
            log.info("Telegram webhook set to {}", url);
            return true;
        } catch (TelegramApiException e) {
            log.warn("setWebhook failed ({}); Telegram keeps its previous webhook setting", e.getMessage());
            return false;
        }
    }
}
