package com.teahouse.messaging.internal;

import com.teahouse.store.RedisStore;
import com.teahouse.store.StoreUnavailable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;

/**
 * Makes an inbox write durable before it is confirmed to the channel, on the same connection as the write (WAIT
 * and WAITAOF cover the writes of their own connection only):
 * <ul>
 *   <li>Redis 7.2+ with append-only on: {@code WAITAOF 1 r}, the write is fsynced here, and on one replica when
 *       replicas exist ({@code r = 1}), whatever {@code appendfsync} says;</li>
 *   <li>older servers with replicas: {@code WAIT 1}, the write reached a replica (the local fsync is
 *       {@code appendfsync always}, which the embedded server has and the README asks of production);</li>
 *   <li>otherwise nothing more: with {@code appendfsync always} the write's reply comes after its fsync.</li>
 * </ul>
 * What the server is and has is read with INFO every few seconds. A write that does not become durable within
 * the timeout counts as not stored: the channel answers "try again" and the redelivery is dropped as a duplicate.
 *
 * <p>Behind Sentinel a write always waits for a replica, whatever INFO last said: a master just restarted on its
 * files (or just promoted) shows no replica for a moment, and a write confirmed on its own fsync then is lost if
 * the sentinels then fail over to the replica that never had it. While no
 * replica follows, updates are refused with "try again" (Telegram retries) rather than confirmed at risk.
 */
@Component
public class InboxDurability {

    private static final Logger log = LoggerFactory.getLogger(InboxDurability.class);
    private static final long TIMEOUT_MILLIS = 2000;
    private static final long REFRESH_MILLIS = 5000;

    /** What the server is: whether it has WAITAOF with append-only on, and how many replicas follow it. */
    record Facts(boolean waitAof, int replicas) {
    }

    private final RedisStore store;
    private volatile Facts facts;
    private volatile long readAt;
    private final AtomicBoolean warned = new AtomicBoolean();
    /** Behind Sentinel: the master is meant to have a replica, so a write is confirmed only once one has it. */
    private final boolean replicated;

    InboxDurability(RedisStore store) {
        this.store = store;
        this.replicated = store.behindSentinel();
    }

    /** Queues the wait on the pipeline that holds the write; returns how to check its answer after sync. */
    Supplier<Boolean> await(PipeliningBase pipeline) {
        Facts now = facts();
        String timeout = Long.toString(TIMEOUT_MILLIS);
        if (now.waitAof()) {
            int replicas = replicated ? 1 : Math.min(1, now.replicas());
            Response<Object> answer = pipeline.sendCommand(Protocol.Command.WAITAOF, "1",
                    Integer.toString(replicas), timeout);
            return () -> {
                List<?> counts = (List<?>) answer.get();
                return ((Long) counts.get(0)) >= 1 && ((Long) counts.get(1)) >= replicas;
            };
        }
        if (now.replicas() > 0 || replicated) {
            Response<Object> answer = pipeline.sendCommand(Protocol.Command.WAIT, "1", timeout);
            return () -> ((Long) answer.get()) >= 1;
        }
        return () -> true;
    }

    /** Throws when {@code durable} says the write is not yet durable. */
    void check(Supplier<Boolean> durable) {
        if (!durable.get()) {
            facts = null; // a failover may have changed the replicas: look again before the next write
            throw new StoreUnavailable("the inbox write was not confirmed durable within " + TIMEOUT_MILLIS
                    + " ms (fsync or replica)", null);
        }
    }

    Facts facts() {
        Facts known = facts;
        if (known != null && System.currentTimeMillis() - readAt < REFRESH_MILLIS) {
            return known;
        }
        try {
            Map<String, String> info = parse(store.jedis().info("server") + store.jedis().info("replication")
                    + store.jedis().info("persistence"));
            known = new Facts(atLeast72(info.getOrDefault("redis_version", "0")) && "1".equals(info.get("aof_enabled")),
                    Integer.parseInt(info.getOrDefault("connected_slaves", "0")));
        } catch (RuntimeException e) {
            // not kept: during an outage the write fails anyway, and once Redis is back the next write looks again
            if (warned.compareAndSet(false, true)) {
                log.warn("Redis INFO not readable ({}); until it is, inbox writes rely on appendfsync always, "
                        + "without WAIT (an ACL user needs +info)", e.getMessage());
            }
            return new Facts(false, 0);
        }
        facts = known;
        readAt = System.currentTimeMillis();
        return known;
    }

    private static Map<String, String> parse(String info) {
        return info.lines().filter(l -> l.contains(":") && !l.startsWith("#"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')), l -> l.substring(l.indexOf(':') + 1).trim(),
                        (a, b) -> a));
    }

    static boolean atLeast72(String version) {
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 7 || major == 7 && minor >= 2;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
