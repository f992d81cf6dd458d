package com.teahouse.channel.telegram.internal;

import com.teahouse.limits.InboundGate;
import com.teahouse.limits.RateLimiter.Scope;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Inbox;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives each getUpdates batch. The library moves its offset in memory before calling us and confirms the
 * batch with its next getUpdates, which it only sends after we return; so we return only once the whole
 * batch is stored in the inbox (waiting out a Redis outage), and a crash before that makes Telegram redeliver.
 * We must never throw: an exception would end the library's polling task for good. A sender over their rate
 * limit, or a chat whose lane queue is full, is dropped here (told "slow down" once): that confirms the update
 * to Telegram without storing it, which is the point.
 */
final class TelegramPoller implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);

    private final Inbox inbox;
    private final InboundGate gate;

    TelegramPoller(Inbox inbox, InboundGate gate) {
        this.inbox = inbox;
        this.gate = gate;
    }

    @Override
    public void consume(List<Update> updates) {
        try {
            List<Inbound> batch = gate.admit(updates.stream().map(TelegramPoller::translateSafely)
                    .flatMap(Optional::stream).toList(), Scope.TELEGRAM_USER);
            log.debug("Storing {} of {} update(s)", batch.size(), updates.size());
            if (!inbox.acceptUntilStored(batch, gate::refused)) {
                log.warn("Shutting down with {} update(s) not stored; Telegram will deliver them again", batch.size());
            }
        } catch (RuntimeException e) {
            log.error("Update batch could not be handled; it will not be confirmed", e);
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Inbound> translateSafely(Update update) {
        try {
            return UpdateTranslator.translate(update);
        } catch (RuntimeException e) {
            log.warn("Update {} could not be translated ({}); skipped", update.getUpdateId(), e.toString());
            return Optional.empty();
        }
    }
}
