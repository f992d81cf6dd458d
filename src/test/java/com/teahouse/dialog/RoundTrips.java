package com.teahouse.dialog;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSocketFactory;

/**
 * Counts Redis round trips where they happen, on the socket: a round trip begins each time a connection is
 * written to after it was read from (a pipeline or a MULTI … EXEC is one). Jedis does its I/O on the calling
 * thread, so the count is kept for the threads that asked for it (the bench's), not the app's background work.
 * Replaces the app's Jedis client (same pool size) with one whose sockets count; Redis itself is untouched.
 */
@Configuration(proxyBeanMethods = false)
public class RoundTrips {

    static final LongAdder COUNTED = new LongAdder();
    private static final ThreadLocal<Boolean> COUNTING = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<long[]> MINE = ThreadLocal.withInitial(() -> new long[1]);
    static volatile String url;
    /** Who made the round trips (-Dbench.trips.where=true): for finding the ones the step should not make. */
    static final java.util.Map<String, Long> WHERE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Count this thread's round trips from now on. */
    static void countThisThread() {
        COUNTING.set(true);
    }

    /** Round trips of this thread so far. */
    static long mine() {
        return MINE.get()[0];
    }

    @Bean
    static BeanPostProcessor countingJedis() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JedisPooled original) || url == null) {
                    return bean;
                }
                original.close();
                URI uri = URI.create(url);
                var pool = new ConnectionPoolConfig();
                pool.setMaxTotal(64);
                pool.setMaxIdle(64);
                return new JedisPooled(pool, countingSockets(uri.getHost(), uri.getPort()),
                        DefaultJedisClientConfig.builder()
                                .password(redis.clients.jedis.util.JedisURIHelper.getPassword(uri)).build());
            }
        };
    }

    private static JedisSocketFactory countingSockets(String host, int port) {
        return () -> {
            try {
                Socket s = new CountingSocket();
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(host, port), 2000);
                s.setSoTimeout(5000);
                return s;
            } catch (IOException e) {
                throw new redis.clients.jedis.exceptions.JedisConnectionException(e);
            }
        };
    }

    private static final class CountingSocket extends Socket {
        private volatile boolean readSinceWrite = true;

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    readSinceWrite = true;
                    return super.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    readSinceWrite = true;
                    return super.read(b, off, len);
                }
            };
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    turn();
                    out.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    turn();
                    out.write(b);
                }
            };
        }

        private void turn() {
            if (readSinceWrite) {
                readSinceWrite = false;
                if (COUNTING.get()) {
                    COUNTED.increment();
                    MINE.get()[0]++;
                    if (Boolean.getBoolean("bench.trips.where")) {
                        String where = java.util.Arrays.stream(new Throwable().getStackTrace())
                                .map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName())
                                .filter(f -> !f.startsWith("RoundTrips") && !f.contains("Jedis")
                                        && !f.contains("Pipeline") && !f.contains("Transaction")
                                        && !f.contains("Connection") && !f.contains("Stream")
                                        && !f.contains("Socket") && !f.contains("Pool"))
                                .limit(3).reduce((a, b) -> a + " < " + b).orElse("?");
                        WHERE.merge(where, 1L, Long::sum);
                    }
                }
            }
        }
    }
}
