package com.teahouse.messaging.internal;

import com.teahouse.store.RedisStore;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisSentineled;

/**
 * Counts the master changes this instance has seen behind Sentinel (always 0 on a single Redis). A failover can
 * lose the old master's last writes (replication is asynchronous): step commits and stream reads whose entries
 * are then pending again, or not yet delivered, on the new master. Whoever holds entries in memory compares
 * {@link #epoch()} with the one it read them under and reads them again from Redis when it changed. Only a local
 * look at the client's current master, no round trip.
 */
@Component
class MasterWatch {

    private static final Logger log = LoggerFactory.getLogger(MasterWatch.class);

    private final JedisSentineled sentinel;
    private HostAndPort master;
    private long epoch;

    MasterWatch(RedisStore store) {
        this.sentinel = store.jedis() instanceof JedisSentineled s ? s : null;
        this.master = sentinel == null ? null : sentinel.getCurrentMaster();
    }

    synchronized long epoch() {
        if (sentinel != null) {
            HostAndPort now = sentinel.getCurrentMaster();
            if (!Objects.equals(now, master)) {
                log.warn("Redis master changed from {} to {}: lanes read their pending entries again", master, now);
                master = now;
                epoch++;
            }
        }
        return epoch;
    }
}
