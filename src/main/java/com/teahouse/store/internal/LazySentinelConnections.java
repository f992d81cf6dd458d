package com.teahouse.store.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.providers.SentineledConnectionProvider;

/**
 * Connections to the master the sentinels name, found on first use rather than at start-up. Jedis's own Sentinel
 * client asks the sentinels in its constructor and throws when none answers, so an instance (re)started during a
 * Sentinel outage would exit, and a supervisor would restart it in a loop. Here each call without a master throws
 * {@link JedisConnectionException}, the same "Redis unreachable" as a down URL, so the instance comes up not ready
 * and its lanes and start-up work retry ({@code WhenRedisUp}). Once found, Jedis's
 * {@link SentineledConnectionProvider} follows the sentinels across failovers as before.
 * <p>
 * An attempt is made at most once per {@link #RETRY_MILLIS}, by one thread (the others fail at once), so a flood of
 * calls does not hammer the sentinels. Each attempt first asks the sentinels itself, so that while none answers
 * Jedis does not log a warning with a stack trace per sentinel per attempt; this class says it once per outage.
 */
final class LazySentinelConnections implements ConnectionProvider {

    static final long RETRY_MILLIS = 1000;
    private static final Logger log = LoggerFactory.getLogger(LazySentinelConnections.class);

    private final String master;
    private final JedisClientConfig masterConfig;
    private final GenericObjectPoolConfig<Connection> pool;
    private final Set<HostAndPort> sentinels;
    private final JedisClientConfig sentinelConfig;
    private final ReentrantLock attempt = new ReentrantLock();
    private volatile SentineledConnectionProvider provider;
    private volatile long nextAttemptNanos = System.nanoTime();
    private volatile boolean closed;
    private boolean inOutage; // guarded by attempt

    LazySentinelConnections(String master, JedisClientConfig masterConfig, GenericObjectPoolConfig<Connection> pool,
            Set<HostAndPort> sentinels, JedisClientConfig sentinelConfig) {
        this.master = master;
        this.masterConfig = masterConfig;
        this.pool = pool;
        this.sentinels = sentinels;
        this.sentinelConfig = sentinelConfig;
    }

    @Override
    public Connection getConnection() {
        return provider().getConnection();
    }

    @Override
    public Connection getConnection(CommandArguments args) {
        return provider().getConnection(args);
    }

    /** The master the client uses now; null while no sentinel has named one yet. No round trip. */
    HostAndPort currentMaster() {
        SentineledConnectionProvider p = provider;
        return p == null ? null : p.getCurrentMaster();
    }

    private SentineledConnectionProvider provider() {
        SentineledConnectionProvider p = provider;
        if (p != null) {
            return p;
        }
        if (closed || System.nanoTime() - nextAttemptNanos < 0 || !attempt.tryLock()) {
            throw new JedisConnectionException("no Redis sentinel has named master '" + master + "' yet");
        }
        try {
            if (provider == null && !closed) {
                provider = create();
            }
            if (provider == null) {
                throw new JedisConnectionException("the Redis client is closed");
            }
            return provider;
        } finally {
            attempt.unlock();
        }
    }

    private SentineledConnectionProvider create() {
        try {
            HostAndPort named = askSentinels();
            SentineledConnectionProvider created = new SentineledConnectionProvider(master, masterConfig, pool,
                    sentinels, sentinelConfig);
            log.info(inOutage ? "A Redis sentinel answers again: master '{}' is at {}" : "Redis master '{}' is at {}",
                    master, created.getCurrentMaster() == null ? named : created.getCurrentMaster());
            inOutage = false;
            return created;
        } catch (JedisException e) {
            nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS);
            if (!inOutage) {
                inOutage = true;
                log.warn("Redis through Sentinel is unreachable ({}): the instance stays up, not ready, and keeps "
                        + "asking the {} sentinel(s) every {} ms", e.getMessage(), sentinels.size(), RETRY_MILLIS);
            }
            throw e instanceof JedisConnectionException c ? c : new JedisConnectionException(e.getMessage(), e);
        }
    }

    /** Where a sentinel says the master is; throws, saying whether any sentinel answered, when none names it. */
    private HostAndPort askSentinels() {
        String answer = "no sentinel answers";
        for (HostAndPort sentinel : sentinels) {
            try (Jedis jedis = new Jedis(sentinel, sentinelConfig)) {
                List<String> address = jedis.sentinelGetMasterAddrByName(master);
                if (address != null && address.size() == 2) {
                    return new HostAndPort(address.get(0), Integer.parseInt(address.get(1)));
                }
                answer = "the sentinels that answer do not know master '" + master + "'";
            } catch (JedisConnectionException e) {
                log.debug("Sentinel {} does not answer: {}", sentinel, e.getMessage());
            } catch (JedisException e) { // it answered with an error (a wrong sentinel password, say)
                answer = "a sentinel answered: " + e.getMessage();
            }
        }
        throw new JedisConnectionException(answer);
    }

    @Override
    public void close() {
        closed = true;
        attempt.lock();
        try {
            if (provider != null) {
                provider.close();
            }
        } finally {
            attempt.unlock();
        }
    }

    /** The client over these connections, with the master it uses now for those who compare it after a failover. */
    static final class Client extends UnifiedJedis {

        private final LazySentinelConnections connections;

        Client(LazySentinelConnections connections) {
            super(connections);
            this.connections = connections;
        }

        HostAndPort currentMaster() {
            return connections.currentMaster();
        }
    }
}
