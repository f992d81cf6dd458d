package com.teahouse.channel.telegram.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start-up stopped by a webhook setting that cannot work: what is wrong and how to fix it. */
public class WebhookMisconfiguredAnalyzer extends AbstractFailureAnalyzer<WebhookMisconfigured> {

    @Override
    protected FailureAnalysis analyze(Throwable root, WebhookMisconfigured cause) {
        return new FailureAnalysis("Telegram webhook mode cannot start: " + cause.getMessage() + ".",
                "Set TEAHOUSE_TELEGRAM_WEBHOOK_URL to the public https URL of POST /telegram/webhook and "
                        + "TEAHOUSE_TELEGRAM_WEBHOOK_SECRET to 1-256 characters of A-Z, a-z, 0-9, _ and - "
                        + "(e.g. from `openssl rand -hex 32`), or unset the URL to use long polling.",
                null);
    }
}
