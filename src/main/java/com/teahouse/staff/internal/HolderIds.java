package com.teahouse.staff.internal;

import com.teahouse.cases.CaseWork;
import com.teahouse.store.RedisStore;
import com.teahouse.store.WhenRedisUp;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.params.SetParams;

/**
 * F21: the actor ids that case events, holders and logs carry, without a Telegram user id in them (a personal
 * identifier). An account acts as {@link Account#actorId}; a bootstrap id of {@code teahouse.telegram.staff-user-ids}
 * that is not linked acts as "tg#" and a keyed hash of the id (HMAC-SHA256 under a secret every instance shares,
 * kept in Redis), which is stable but cannot be turned back into the id without the secret. Events written before
 * keep their old ids (they are history, shown by name); open cases held under a linked account's former
 * "tg:&lt;id&gt;" are renamed to the account's id at start-up, so their holder can go on working on them.
 */
@Component
class HolderIds {

    private static final Logger log = LoggerFactory.getLogger(HolderIds.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisStore redis;
    private final AccountStore accounts;
    private final CaseWork work;
    private final WhenRedisUp whenRedisUp;
    private volatile byte[] secret;

    HolderIds(RedisStore redis, AccountStore accounts, CaseWork work, WhenRedisUp whenRedisUp) {
        this.redis = redis;
        this.accounts = accounts;
        this.work = work;
        this.whenRedisUp = whenRedisUp;
    }

    /** The actor id of a bootstrap Telegram id. */
    String bootstrap(String telegramId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] h = mac.doFinal(telegramId.getBytes(StandardCharsets.UTF_8));
            return "tg#" + HexFormat.of().formatHex(h, 0, 10);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Open cases held as "tg:&lt;id&gt;" by a linked account take the account's id; started while Redis is down,
     * as soon as it answers (an instance must not exit for want of Redis at start).
     */
    @EventListener(ApplicationReadyEvent.class)
    void renameOnStart() {
        try {
            whenRedisUp.run("renaming holders held by Telegram id", this::renameFormerHolders);
        } catch (RuntimeException e) {
            log.warn("could not rename holders held by Telegram id yet", e);
        }
    }

    void renameFormerHolders() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Account a : accounts.all()) {
            if (a.telegramId() != null && !a.telegramId().isBlank()) {
                names.put("tg:" + a.telegramId(), Account.actorId(a.username()));
            }
        }
        long renamed = work.renameHolders(names);
        if (renamed > 0) {
            log.info("{} open cases now name their holder by account instead of by Telegram id", renamed);
        }
    }

    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            String key = redis.key("staff:actor-secret");
            redis.jedis().set(key, Base64.getEncoder().encodeToString(fresh), SetParams.setParams().nx());
            known = Base64.getDecoder().decode(redis.jedis().get(key));
            secret = known;
        }
        return known;
    }
}
