package com.teahouse.store.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url      external Redis (redis:// or rediss://, with password and database index); absent: embedded
 * @param prefix   the prefix of every key
 * @param poolSize connections in the pool; blocking stream reads hold one each
 * @param embeddedMaxMemory {@code maxmemory} of the embedded redis-server (e.g. {@code 256mb}); when full, writes
 *                 are refused (never evicted) and the app answers "busy"
 * @param sentinel  Redis behind Sentinel instead of {@code url}: the master's name, the sentinels, the password
 */
@ConfigurationProperties("teahouse.redis")
record StoreProperties(String url, String prefix, Integer poolSize, String embeddedMaxMemory, Sentinel sentinel) {

    StoreProperties {
        prefix = prefix == null || prefix.isBlank() ? "teahouse:" : prefix;
        poolSize = poolSize == null ? 64 : poolSize;
        embeddedMaxMemory = embeddedMaxMemory == null || embeddedMaxMemory.isBlank()
                ? EmbeddedRedis.DEFAULT_MAX_MEMORY : embeddedMaxMemory;
        sentinel = sentinel == null ? new Sentinel(null, null, null, null, null, null) : sentinel;
    }

    boolean external() {
        return url != null && !url.isBlank() || sentinel.configured();
    }

    /**
     * Checked by {@link SentinelSettings} at start-up (a bad list stops it, saying which entry is wrong).
     *
     * @param master           the name the sentinels monitor the master under ({@code sentinel monitor <name> …})
     * @param nodes            the sentinels, {@code host:port,host:port,…}
     * @param user             the ACL user on the Redis servers (absent: the default user)
     * @param password         the password on the Redis servers (master and replicas); a secret, from the environment
     * @param database         the database index on the master
     * @param sentinelPassword the sentinels' own password, when they have one (absent: none)
     */
    record Sentinel(String master, String nodes, String user, String password, Integer database,
            String sentinelPassword) {

        boolean configured() {
            return master != null && !master.isBlank() || nodes != null && !nodes.isBlank();
        }
    }
}
