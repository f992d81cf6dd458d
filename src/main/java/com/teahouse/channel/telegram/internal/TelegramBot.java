package com.teahouse.channel.telegram.internal;

import com.teahouse.messaging.CommandMenu;
import com.teahouse.limits.InboundGate;
import com.teahouse.messaging.Inbox;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Starts and stops receiving updates, by long polling or, when a webhook is configured, by setting the webhook
 * (updates then arrive at {@link TelegramWebhookController}); registers the command menu; reports whether
 * Telegram is reachable.
 */
final class TelegramBot implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    /** The kinds of update the translator handles, asked for in both modes. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");

    private final TelegramProperties props;
    private final TelegramClient client;
    private final Inbox inbox;
    private final CommandMenu menu;
    private final AtomicBoolean identified = new AtomicBoolean();
    private final InboundGate gate;
    private final WebhookRegistration webhook;
    private final AtomicBoolean webhookSet = new AtomicBoolean();
    private volatile boolean webhookMode;
    private Thread webhookRetry;
    private TelegramBotsLongPollingApplication application;
    private BotSession session;

    /** @param webhook null for long polling */
    TelegramBot(TelegramProperties props, TelegramClient client, Inbox inbox, CommandMenu menu, InboundGate gate,
            WebhookRegistration webhook) {
        this.props = props;
        this.webhook = webhook;
        this.gate = gate;
        this.client = client;
        this.inbox = inbox;
        this.menu = menu;
    }

    @Override
    public void start() {
        try {
            var me = client.execute(new GetMe());
            identified.set(true);
            log.info("Telegram bot @{} connected to {}", me.getUserName(), props.apiUrl());
        } catch (TelegramApiException e) {
            log.warn("Telegram getMe failed ({}); polling starts anyway and retries", e.getMessage());
        }
        registerCommands();
        if (webhook != null) {
            startWebhook();
            return;
        }
        try {
            application = new TelegramBotsLongPollingApplication();
            var url = TelegramEndpoint.of(props.apiUrl());
            session = application.registerBot(props.token(), () -> url, this::getUpdates,
                    new TelegramPoller(inbox, gate));
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram long polling could not start: " + e.getMessage(), e);
        }
    }

    private GetUpdates getUpdates(Integer lastReceived) {
        return GetUpdates.builder().offset(lastReceived + 1).limit(100).timeout(props.pollTimeoutSeconds())
                .allowedUpdates(ALLOWED_UPDATES).build();
    }

    /** Sets the webhook; while Telegram cannot be reached, keeps trying in the background. */
    private void startWebhook() {
        webhookMode = true;
        if (webhook.register(ALLOWED_UPDATES)) {
            webhookSet.set(true);
            return;
        }
        webhookRetry = new Thread(() -> {
            long backoff = 1000;
            while (webhookMode && !webhookSet.get()) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    return;
                }
                backoff = Math.min(backoff * 2, 60_000);
                webhookSet.set(webhook.register(ALLOWED_UPDATES));
            }
        }, "telegram-set-webhook");
        webhookRetry.setDaemon(true);
        webhookRetry.start();
    }

    private void registerCommands() {
        for (String language : menu.languages()) {
            List<BotCommand> commands = menu.commands(language).stream()
                    .map(c -> new BotCommand(c.name(), c.description())).toList();
            try {
                client.execute(SetMyCommands.builder().commands(commands).languageCode(language).build());
                if (language.equals(menu.languages().get(0))) {
                    client.execute(SetMyCommands.builder().commands(commands).build());
                }
            } catch (TelegramApiException e) {
                log.warn("setMyCommands for {} failed: {}", language, e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        webhookMode = false;
        if (webhookRetry != null) {
            webhookRetry.interrupt();
        }
        try {
            if (application != null) {
                application.close();
            }
        } catch (Exception e) {
            log.warn("Telegram polling did not stop cleanly: {}", e.getMessage());
        }
        session = null;
    }

    @Override
    public boolean isRunning() {
        return webhookMode || session != null && session.isRunning();
    }

    @Override
    public int getPhase() {
        return 10;
    }

    @Override
    public Health health() {
        if (webhookMode) {
            return identified.get() && webhookSet.get() ? Health.up().build()
                    : Health.down().withDetail("telegram", webhookSet.get() ? "getMe failed" : "webhook not set")
                            .build();
        }
        if (isRunning() && identified.get()) {
            return Health.up().build();
        }
        return Health.down().withDetail("telegram", isRunning() ? "getMe failed" : "not polling").build();
    }
}
