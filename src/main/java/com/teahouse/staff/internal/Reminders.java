package com.teahouse.staff.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Outbox;
import com.teahouse.store.RedisStore;
import com.teahouse.texts.Texts;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.params.SetParams;

/**
 * A deadline coming near ({@link CaseEvent.DeadlineApproaching}) is told privately to the staff member holding
 * the case, besides the topic: on Telegram when their account is linked, and in the console's navigation (a
 * list per account in Redis, {@code staff:reminders:<username>}, and a live event to their open pages). The
 * scheduler may repeat an item after a crash, so each reminder is sent once per case, deadline and due time.
 */
@Component
class Reminders {

    static final int KEEP = 20;
    static final long TTL_SECONDS = 7 * 24 * 3600;

    private final CaseWork work;
    private final AccountStore accounts;
    private final Outbox outbox;
    private final Texts texts;
    private final CaseCard card;
    private final RedisStore redis;
    private final ConsoleStream stream;
    private final Clock clock;

    Reminders(CaseWork work, AccountStore accounts, Outbox outbox, Texts texts, CaseCard card, RedisStore redis,
            ConsoleStream stream, Clock clock) {
        this.work = work;
        this.accounts = accounts;
        this.outbox = outbox;
        this.texts = texts;
        this.card = card;
        this.redis = redis;
        this.stream = stream;
        this.clock = clock;
    }

    @EventListener
    void approaching(CaseEvent.DeadlineApproaching event) {
        Optional<CaseRecord> found = work.get(event.trackingNumber());
        if (found.isEmpty() || found.get().claimedBy() == null) {
            return; // nobody holds it: the topic's reminder is for the whole unit
        }
        CaseRecord c = found.get();
        Optional<Account> holder = holderOf(c.claimedBy());
        String once = redis.key("staff:reminded:" + c.trackingNumber() + ":" + event.which() + ":"
                + (c.due() == null ? 0 : c.due().toEpochMilli()));
        if (holder.isEmpty() || !"OK".equals(redis.jedis().set(once, "1", SetParams.setParams().nx().ex(TTL_SECONDS)))) {
            return;
        }
        Account a = holder.get();
        String lang = card.language();
        if (a.telegramId() != null && !a.telegramId().isBlank()) {
            outbox.post(List.of(Outbound.send(Address.of("telegram", a.telegramId()),
                    texts.render("console.reminder.private", lang, Map.of("number", c.trackingNumber(),
                            "category", work.categoryName(c.category(), lang),
                            "which", texts.plain("console.reminder.which." + event.which(), lang),
                            "due", card.when(c.due()))))));
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("tracking", c.trackingNumber());
        entry.put("which", event.which());
        entry.put("due", c.due() == null ? "" : Long.toString(c.due().toEpochMilli()));
        entry.put("at", Long.toString(clock.millis()));
        String key = key(a.username());
        String json = FlatJson.write(entry);
        try (var tx = redis.jedis().multi()) {
            tx.lpush(key, json);
            tx.ltrim(key, 0, KEEP - 1);
            tx.expire(key, TTL_SECONDS);
            tx.exec();
        }
        stream.tell(a.username(), "reminder", c.trackingNumber());
    }

    /** The account's latest reminders, newest first. */
    List<Map<String, String>> of(String username) {
        return redis.jedis().lrange(key(username), 0, KEEP - 1).stream().map(FlatJson::read).toList();
    }

    /** The holder's account: "web:<username>"; "tg:<telegram id>" on a claim older than F21 not yet renamed. */
    private Optional<Account> holderOf(String actorId) {
        if (actorId.startsWith("tg:")) {
            return accounts.byTelegram(actorId.substring(3));
        }
        return actorId.startsWith("web:") ? accounts.find(actorId.substring(4)) : Optional.empty();
    }

    private String key(String username) {
        return redis.key("staff:reminders:" + username);
    }
}
