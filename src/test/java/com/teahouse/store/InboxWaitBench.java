package com.teahouse.store;

import com.teahouse.testsupport.RedisProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/**
 * What waiting for a replica costs an inbox write: real redis-server processes (a master with appendfsync always
 * and one replica, on loopback), an XADD per write in one pipeline as the inbox does it, with and without the
 * {@code WAIT 1} that {@code InboxDurability} adds when replicas exist. Prints p50/p99 per write and per batch of
 * 100. Run with the README's benchmark command and {@code -Dexec.mainClass=com.teahouse.store.InboxWaitBench}.
 */
public final class InboxWaitBench {

    private static final String PASSWORD = "bench-password";

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("inbox-wait-bench");
        try (RedisProcesses redis = new RedisProcesses(dir)) {
            int master = redis.server("master", PASSWORD, null);
            redis.server("replica", PASSWORD, master);
            try (JedisPooled jedis = new JedisPooled(new HostAndPort("127.0.0.1", master),
                    DefaultJedisClientConfig.builder().password(PASSWORD).build())) {
                while (!jedis.info("replication").contains("connected_slaves:1")) {
                    Thread.sleep(100);
                }
                run(jedis, 1, false, 200);
                run(jedis, 1, true, 200);
                report("1 write, fsync only", run(jedis, 1, false, 2000));
                report("1 write, fsync + WAIT 1", run(jedis, 1, true, 2000));
                report("batch of 100, fsync only", run(jedis, 100, false, 200));
                report("batch of 100, fsync + WAIT 1", run(jedis, 100, true, 200));
            }
        }
    }

    private static long[] run(JedisPooled jedis, int batch, boolean wait, int rounds) {
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            try (var pipeline = jedis.pipelined()) {
                for (int j = 0; j < batch; j++) {
                    pipeline.xadd("bench:inbox", XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY),
                            Map.of("m", "{\"id\":\"tg:" + i + "-" + j + "\",\"text\":\"hello\"}"));
                }
                if (wait) {
                    pipeline.sendCommand(Protocol.Command.WAIT, "1", "2000");
                }
                pipeline.sync();
            }
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-30s p50 %7.3f ms  p99 %7.3f ms%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
