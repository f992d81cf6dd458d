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

/**
 * Accounts in Redis: {@code staff:account:<user>} hashes (bcrypt hash, roles, unit, disabled, generation),
 * {@code staff:accounts}, {@code staff:admins} (enabled admins, kept with each change so that the last one
 * cannot be removed) and {@code staff:tg:<id>} (at most one account per Telegram user).
 */
@Component
class AccountStore {

    enum Change { DONE, LAST_ADMIN, UNKNOWN, TAKEN }

    private static final String KEEP = "=";

    private final RedisStore redis;
    private final StaffScripts scripts;

    AccountStore(RedisStore redis, StaffScripts scripts) {
        this.redis = redis;
        this.scripts = scripts;
    }

    Optional<Account> find(String username) {
        Map<String, String> h = hash(username);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Set<StaffRole> roles = h.getOrDefault("roles", "").isBlank() ? Set.of()
                : Arrays.stream(h.get("roles").split(",")).map(StaffRole::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
        return Optional.of(new Account(username, h.get("hash"), roles, h.get("unit"), h.getOrDefault("name", username),
                h.get("number"), h.get("telegram")));
    }

    Optional<AccountStatus> status(String username) {
        Map<String, String> h = hash(username);
        return h.isEmpty() ? Optional.empty() : Optional.of(new AccountStatus("1".equals(h.get("disabled")),
                "1".equals(h.get("mustChange")), Long.parseLong(h.getOrDefault("generation", "0"))));
    }

    private Map<String, String> hash(String username) {
        return Usernames.valid(username) ? redis.jedis().hgetAll(accountKey(username)) : Map.of();
    }

    /** The linked account of a Telegram user; a disabled account acts no more. */
    Optional<Account> byTelegram(String telegramId) {
        if (telegramId == null) {
            return Optional.empty();
        }
        String username = redis.jedis().get(redis.key("staff:tg:" + telegramId));
        return status(username).filter(s -> !s.disabled()).flatMap(s -> find(username));
    }

    /** Creates the account only if the name is free; true when created. */
    boolean create(Account a) {
        return create(a, false);
    }

    boolean create(Account a, boolean mustChange) {
        if (redis.jedis().sadd(redis.key("staff:accounts"), a.username()) == 0) {
            return false;
        }
        Map<String, String> h = new HashMap<>();
        h.put("hash", a.passwordHash());
        h.put("roles", a.roles().stream().map(Enum::name).collect(Collectors.joining(",")));
        h.put("name", a.name());
        h.put("mustChange", mustChange ? "1" : "0");
        if (a.unit() != null) {
            h.put("unit", a.unit());
        }
        if (a.number() != null) {
            h.put("number", a.number());
        }
        redis.jedis().hset(accountKey(a.username()), h);
        if (a.has(StaffRole.ADMIN)) {
            redis.jedis().sadd(adminsKey(), a.username());
        }
        return true;
    }

    /** A new password ends every session of the account; returns the account's new generation. */
    long setPassword(String username, String hash, boolean mustChange) {
        redis.jedis().hset(accountKey(username), Map.of("hash", hash, "mustChange", mustChange ? "1" : "0"));
        return redis.jedis().hincrBy(accountKey(username), "generation", 1);
    }

    /**
     * Roles, unit or enabled state; {@code null} keeps a part as it is (an absent unit is {@link Optional#empty}).
     * Refused when it would leave no enabled admin.
     */
    Change update(String username, Set<StaffRole> roles, Optional<String> unit, Boolean disabled) {
        long r = scripts.run("update-account", List.of(accountKey(username), adminsKey()), List.of(username,
                roles == null ? KEEP : roles.stream().map(Enum::name).collect(Collectors.joining(",")),
                unit == null ? KEEP : unit.orElse(""), disabled == null ? KEEP : disabled ? "1" : "0"));
        return r == 1 ? Change.DONE : r == 0 ? Change.LAST_ADMIN : Change.UNKNOWN;
    }

    /** Links a Telegram user; refused when the id is linked to another account (unlink that one first). */
    Change linkTelegram(String username, String telegramId) {
        long r = scripts.run("link-telegram", List.of(redis.key("staff:tg:" + telegramId), accountKey(username)),
                List.of(username, telegramId, redis.prefix()));
        return r == 1 ? Change.DONE : r == 0 ? Change.TAKEN : Change.UNKNOWN;
    }

    boolean unlinkTelegram(String username) {
        return scripts.run("unlink-telegram", List.of(accountKey(username)), List.of(username, redis.prefix())) == 1;
    }

    List<Account> all() {
        return redis.jedis().smembers(redis.key("staff:accounts")).stream().sorted().map(this::find)
                .flatMap(Optional::stream).toList();
    }

    /** Enabled admins; rebuilt from the accounts when the set is missing (data from before it existed). */
    long enabledAdmins() {
        if (!redis.jedis().exists(adminsKey())) {
            all().stream().filter(a -> a.has(StaffRole.ADMIN))
                    .filter(a -> status(a.username()).map(s -> !s.disabled()).orElse(false))
                    .forEach(a -> redis.jedis().sadd(adminsKey(), a.username()));
        }
        return redis.jedis().scard(adminsKey());
    }

    boolean anyAdmin() {
        return enabledAdmins() > 0;
    }

    private String accountKey(String username) {
        return redis.key("staff:account:" + username);
    }

    private String adminsKey() {
        return redis.key("staff:admins");
    }
}
