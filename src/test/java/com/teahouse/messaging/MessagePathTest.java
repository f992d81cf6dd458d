package com.teahouse.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.CapturingOutlet;
import com.teahouse.testsupport.EchoHandler;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invariants of the message path, on real redis-servers: once, in order, across instances and outages. */
class MessagePathTest {

    @TempDir
    Path data;

    private static Inbound say(String chat, String id, String text) {
        return Inbound.text(id, Address.of(CapturingOutlet.CHANNEL, chat), new Person(chat, null, "en"), text);
    }

    private static List<String> expectedEchoes(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "echo " + i + ": m" + i).toList();
    }

    @Test
    void manyChatsConcurrentlyEachInOrderExactlyOnceEvenWithDuplicates() throws Exception {
        try (TestHotline app = TestHotline.start(data.resolve("a"), Map.of(), EchoHandler.Config.class,
                CapturingOutlet.Config.class)) {
            Inbox inbox = app.bean(Inbox.class);
            CapturingOutlet out = app.bean(CapturingOutlet.class);
            int chats = 40;
            int perChat = 15;
            ExecutorService senders = Executors.newFixedThreadPool(4);
            for (int c = 0; c < chats; c++) {
                String chat = "777" + c;
                senders.submit(() -> {
                    for (int i = 1; i <= perChat; i++) {
                        Inbound message = say(chat, chat + "-" + i, "m" + i);
                        inbox.accept(List.of(message));
                        if (i % 3 == 0) {
                            inbox.accept(List.of(message)); // a redelivery of the same update
                        }
                    }
                });
            }
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            for (int c = 0; c < chats; c++) {
                String chat = "777" + c;
                out.awaitCount(chat, perChat, Duration.ofSeconds(30));
                assertThat(out.textsTo(chat)).as("chat %s", chat).containsExactlyElementsOf(expectedEchoes(perChat));
            }
        }
    }

    @Test
    void twoInstancesOnOneRedisKeepEachChatInOrder() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data.resolve("shared-redis"));
             TestHotline first = TestHotline.start(data.resolve("one"), Map.of("teahouse.redis.url", redis.url()),
                     EchoHandler.Config.class, CapturingOutlet.Config.class);
             TestHotline second = TestHotline.start(data.resolve("two"), Map.of("teahouse.redis.url", redis.url()),
                     EchoHandler.Config.class, CapturingOutlet.Config.class)) {
            Thread.sleep(3000); // a few lease rounds, so that both instances own lanes
            List<Inbox> inboxes = List.of(first.bean(Inbox.class), second.bean(Inbox.class));
            int chats = 20;
            int perChat = 10;
            for (int i = 1; i <= perChat; i++) {
                for (int c = 0; c < chats; c++) {
                    // the same chat's messages arrive alternately at both instances
                    inboxes.get((i + c) % 2).accept(List.of(say("777" + c, "two-" + c + "-" + i, "m" + i)));
                }
            }
            List<String> problems = new ArrayList<>();
            int deliveredByFirst = 0;
            for (int c = 0; c < chats; c++) {
                String chat = "777" + c;
                long end = System.currentTimeMillis() + 30_000;
                while (count(first, second, chat) < perChat && System.currentTimeMillis() < end) {
                    Thread.sleep(50);
                }
                List<String> texts = new ArrayList<>(first.bean(CapturingOutlet.class).textsTo(chat));
                deliveredByFirst += texts.size();
                texts.addAll(second.bean(CapturingOutlet.class).textsTo(chat));
                if (!texts.stream().sorted(MessagePathTest::byNumber).toList().equals(expectedEchoes(perChat))) {
                    problems.add(chat + " -> " + texts);
                }
            }
            assertThat(problems).isEmpty();
            assertThat(deliveredByFirst).as("both instances share the work").isBetween(1, chats * perChat - 1);
        }
    }

    private static int count(TestHotline a, TestHotline b, String chat) {
        return a.bean(CapturingOutlet.class).sentTo(chat).size() + b.bean(CapturingOutlet.class).sentTo(chat).size();
    }

    private static int byNumber(String a, String b) {
        return Integer.compare(Integer.parseInt(a.split(" |:")[1]), Integer.parseInt(b.split(" |:")[1]));
    }
}
