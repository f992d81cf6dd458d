package com.teahouse.channel.telegram;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.RecordedCall;
import com.teahouse.testsupport.EchoHandler;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end reply latency through the fake Bot API: user update injected → getUpdates → inbox → lane → outbox →
 * sendMessage received by the fake. Also the start-up time of the whole app (in a warm JVM). Messages are paced
 * under Telegram's 30/s overall limit so the figure is the path's latency, not the rate limiter's queue.
 * Run: mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=com.teahouse.channel.telegram.TelegramLatencyBench
 */
public final class TelegramLatencyBench {

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path data = Files.createTempDirectory("teahouse-bench");
        try (FakeBotApiServer telegram = new FakeBotApiServer().start()) {
            long t0 = System.nanoTime();
            Map<String, String> props = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
            props.put("teahouse.telegram.poll-timeout-seconds", "50");
            props.put("logging.level.root", "WARN");
            try (TestHotline app = TestHotline.start(data, props, EchoHandler.Config.class)) {
                double startup = (System.nanoTime() - t0) / 1e9;
                run(telegram, 100, 7_770_000); // warm-up
                List<Double> latencies = run(telegram, messages, 7_780_000);
                Collections.sort(latencies);
                System.out.printf("startup (warm JVM, incl. redis-server): %.2f s%n", startup);
                System.out.printf("end-to-end reply latency over %d messages: median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        latencies.size(), pct(latencies, 50), pct(latencies, 99), latencies.get(latencies.size() - 1));
            }
        }
        System.exit(0);
    }

    private static List<Double> run(FakeBotApiServer telegram, int count, long firstChat) throws Exception {
        Map<Long, Instant> sentAt = new HashMap<>();
        long pace = Duration.ofMillis(40).toNanos();
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            FakeChat chat = telegram.privateChat(firstChat + i, "U" + i, "en");
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next += pace;
            sentAt.put(chat.id(), Instant.now());
            telegram.userSends(chat, "ping " + i);
        }
        List<Double> latencies = new ArrayList<>();
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            latencies.clear();
            for (RecordedCall call : telegram.calls("sendMessage")) {
                long chat = call.params().path("chat_id").asLong();
                Instant start = sentAt.get(chat);
                if (start != null && call.accepted()) {
                    latencies.add(Duration.between(start, call.at()).toNanos() / 1e6);
                }
            }
            if (latencies.size() >= count) {
                break;
            }
            Thread.sleep(100);
        }
        return latencies;
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
