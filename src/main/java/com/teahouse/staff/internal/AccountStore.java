package com.teahouse.staff.internal;

import com.teahouse.staff.StaffRole;
import com.teahouse.store.RedisStore;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Accounts in Redis: {@code staff:account:<user>} hashes (bcrypt hash), {@code staff:accounts}, {@code staff:tg:<id>}. */
@Component
class AccountStore {

    private final RedisStore redis;

    AccountStore(RedisStore redis) {
        this.redis = redis;
    }

    Optional<Account> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        Map<String, String> h = redis.jedis().hgetAll(redis.key("staff:account:" + username));
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Set<StaffRole> roles = h.getOrDefault("roles", "").isBlank() ? Set.of()
                : Arrays.stream(h.get("roles").split(",")).map(StaffRole::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
        return Optional.of(new Account(username, h.get("hash"), roles, h.get("unit"), h.getOrDefault("name", username),
                h.get("number"), h.get("telegram")));
    }

    Optional<Account> byTelegram(String telegramId) {
        if (telegramId == null) {
            return Optional.empty();
        }
        return find(redis.jedis().get(redis.key("staff:tg:" + telegramId)));
    }

    /** Creates the account only if the name is free; true when created. */
    boolean create(Account a) {
        if (redis.jedis().sadd(redis.key("staff:accounts"), a.username()) == 0) {
            return false;
        }
        save(a);
        return true;
    }

    void save(Account a) {
        Map<String, String> h = new HashMap<>();
        h.put("hash", a.passwordHash());
        h.put("roles", a.roles().stream().map(Enum::name).collect(Collectors.joining(",")));
        h.put("name", a.name());
        if (a.unit() != null) {
            h.put("unit", a.unit());
        }
        if (a.number() != null) {
            h.put("number", a.number());
        }
        redis.jedis().hset(redis.key("staff:account:" + a.username()), h);
    }

    void linkTelegram(String username, String telegramId) {
        find(username).map(Account::telegramId).filter(id -> id != null && !id.isBlank())
                .ifPresent(old -> redis.jedis().del(redis.key("staff:tg:" + old)));
        redis.jedis().hset(redis.key("staff:account:" + username), "telegram", telegramId);
        redis.jedis().set(redis.key("staff:tg:" + telegramId), username);
    }

    List<Account> all() {
        return redis.jedis().smembers(redis.key("staff:accounts")).stream().sorted().map(this::find)
                .flatMap(Optional::stream).toList();
    }

    boolean anyAdmin() {
        return all().stream().anyMatch(a -> a.has(StaffRole.ADMIN));
    }
}
