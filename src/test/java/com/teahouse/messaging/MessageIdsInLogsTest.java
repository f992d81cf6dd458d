package com.teahouse.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.teahouse.testsupport.CapturingOutlet;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * F23: a message's id can carry a secret (a web chat's id is its cookie, a bearer credential). When a step fails,
 * the message path logs which message it was by a hash, never by the id itself.
 */
class MessageIdsInLogsTest {

    /** Stands for a web chat's signed id, as the web channel puts it into every message id of the chat. */
    static final String SECRET_SESSION = "Zm9vYmFyYmF6cXV4cXV1eDEy.c2VjcmV0c2lnbmF0dXJlMQ";

    @TempDir
    Path data;

    /** Fails on every message of chats starting with "666", as a handler with a bug would. */
    public static class FailingConfig {
        @Bean
        @Order(-200)
        MessageHandler failing() {
            return new MessageHandler() {
                @Override
                public boolean accepts(Address from) {
                    return from.chat().startsWith("666");
                }

                @Override
                public Step handle(Inbound message, String state) {
                    throw new IllegalStateException("a bug");
                }

                @Override
                public Step failed(Inbound message, String state, RuntimeException error) {
                    return Step.reply(List.of(Outbound.send(message.from(), RichText.plain("sorry"))));
                }
            };
        }
    }

    @Test
    void aFailedStepIsLoggedWithoutTheMessageId() throws Exception {
        Logger stepRunner = (Logger) LoggerFactory.getLogger("com.teahouse.messaging.internal.StepRunner");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        try (TestHotline app = TestHotline.start(data, Map.of(), FailingConfig.class,
                CapturingOutlet.Config.class)) {
            stepRunner.addAppender(logged); // after the start, which sets up logging afresh
            String chat = "666" + SECRET_SESSION;
            Inbound m = Inbound.text("web:" + SECRET_SESSION + ":1", Address.of(CapturingOutlet.CHANNEL, chat),
                    new Person(chat, null, "en"), "hello");
            app.bean(Inbox.class).accept(List.of(m));
            app.bean(CapturingOutlet.class).awaitCount(chat, 1, Duration.ofSeconds(30));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> logged.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().startsWith("Handler failed")));
            for (ILoggingEvent e : List.copyOf(logged.list)) {
                assertThat(e.getFormattedMessage()).doesNotContain(SECRET_SESSION);
            }
            assertThat(logged.list.stream().map(ILoggingEvent::getFormattedMessage))
                    .anyMatch(s -> s.contains(m.logId()));
        } finally {
            stepRunner.detachAppender(logged);
        }
    }

    @Test
    void aLogIdIsStableAndShort() {
        Inbound a = Inbound.text("web:" + SECRET_SESSION + ":1", Address.of("web", SECRET_SESSION),
                new Person("p", null, "en"), "x");
        assertThat(a.logId()).isEqualTo(Inbound.text(a.id(), a.from(), a.sender(), "y").logId())
                .startsWith("web#").hasSize(16).doesNotContain(SECRET_SESSION);
        assertThat(a.logId()).isNotEqualTo(Inbound.text(a.id() + "2", a.from(), a.sender(), "x").logId());
    }
}
