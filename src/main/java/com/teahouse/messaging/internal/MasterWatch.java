package com.teahouse.messaging.internal;

import com.teahouse.store.RedisStore;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.HostAndPort;

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

    private final RedisStore store;
    private HostAndPort master;
    private long epoch;

    MasterWatch(RedisStore store) {
        this.store = store;
        this.master = store.currentMaster();
    }

    synchronized long epoch() {
        if (store.behindSentinel()) {
            HostAndPort now = store.currentMaster();
            if (!Objects.equals(now, master)) {
                // from null: the first master a sentinel named (the instance started while none answered)
                log.warn("Redis master changed from {} to {}: lanes read their pending entries again",
                        master == null ? "none yet" : master, now);
                master = now;
                epoch++;
            }
        }
        return epoch;
    }
}
