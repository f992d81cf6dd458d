package com.teahouse.chaos;

import static org.awaitility.Awaitility.await;

import com.teahouse.testsupport.RedisProcesses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * The chaos cluster's Redis as production would run it (issue 12 §4): two redis-server processes of the binary the
 * app ships, one master and one replica, both append-only with {@code appendfsync always}, and three sentinels
 * (quorum 2) that the hotlines connect through. Two faults act on it: the master killed with SIGKILL and started
 * again on its files before the sentinels call it down (5 s), and a failover (SENTINEL FAILOVER) that makes the
 * replica the master and the old master its replica.
 */
final class ChaosRedis implements AutoCloseable {
    static final String MASTER = "chaos";
    private static final long DOWN_AFTER_MILLIS = 5000;

    private final String password = "chaos" + Long.toHexString(System.nanoTime());
    private final RedisProcesses processes;
    private final Map<String, Integer> servers;
    private final List<Integer> sentinels = new ArrayList<>();

    ChaosRedis(Path dir) throws IOException {
        processes = new RedisProcesses(dir);
        int a = processes.server("a", password, null);
        int b = processes.server("b", password, a);
        servers = Map.of("a", a, "b", b);
        for (int i = 1; i <= 3; i++) {
            sentinels.add(processes.sentinel("sentinel" + i, MASTER, a, password, 2, DOWN_AFTER_MILLIS));
        }
        awaitSettled(a);
    }

    /** The environment that connects a hotline through the sentinels. */
    Map<String, String> environment() {
        return Map.of("TEAHOUSE_REDIS_SENTINEL_MASTER", MASTER,
                "TEAHOUSE_REDIS_SENTINEL_NODES", sentinels.stream().map(p -> "127.0.0.1:" + p)
                        .collect(Collectors.joining(",")),
                "TEAHOUSE_REDIS_SENTINEL_PASSWORD", password);
    }

    /** SIGKILL of the current master; returns its name for {@link #restart}. */
    String killMaster() throws InterruptedException {
        String name = name(masterPort());
        processes.kill(name);
        return name;
    }

    /** Starts a killed server again on its files (all it acknowledged is in its append-only file). */
    void restart(String name) throws IOException {
        processes.restart(name, servers.get(name), password);
    }

    /**
     * SENTINEL FAILOVER in the middle of traffic: the replica becomes the master; then waits until the old master
     * follows it, so the next fault finds a master with its replica again. Returns "a->b" or "b->a".
     */
    String failover() {
        int before = masterPort();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            try (Jedis s = RedisProcesses.client(sentinels.get(0), null)) {
                return "OK".equals(s.sentinelFailover(MASTER)); // refused while the replica is still syncing
            }
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> masterPort() != before);
        int after = masterPort();
        awaitSettled(after);
        return name(before) + "->" + name(after);
    }

    /** Until the master has its replica linked and every sentinel knows the replica and the other sentinels. */
    private void awaitSettled(int master) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            try (Jedis m = RedisProcesses.client(master, password)) {
                String info = m.info("replication");
                if (!info.contains("role:master") || !info.contains("connected_slaves:1")
                        || !info.contains("state=online")) {
                    return false;
                }
            }
            for (int sentinel : sentinels) {
                try (Jedis s = RedisProcesses.client(sentinel, null)) {
                    if (s.sentinelReplicas(MASTER).size() != 1 || s.sentinelSentinels(MASTER).size() != 2
                            || !s.sentinelGetMasterAddrByName(MASTER).get(1).equals(Integer.toString(master))) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    int masterPort() {
        try (Jedis s = RedisProcesses.client(sentinels.get(0), null)) {
            return Integer.parseInt(s.sentinelGetMasterAddrByName(MASTER).get(1));
        }
    }

    private String name(int port) {
        return servers.entrySet().stream().filter(e -> e.getValue() == port).findFirst().orElseThrow().getKey();
    }

    /** A client on the current master, for the report. */
    JedisPooled client() {
        return new JedisPooled(new HostAndPort("127.0.0.1", masterPort()), DefaultJedisClientConfig.builder()
                .password(password).socketTimeoutMillis(10_000).build());
    }

    @Override
    public void close() {
        processes.close();
    }
}
