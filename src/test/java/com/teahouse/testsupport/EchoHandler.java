package com.teahouse.testsupport;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.MessageHandler;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.RichText;
import com.teahouse.messaging.Step;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * A test conversation for chats whose id starts with "777": answers "echo N: <text>" where N counts the chat's
 * messages in its stored state, so tests see order, exactly-once and persistence through the real message path.
 */
public final class EchoHandler implements MessageHandler {

    /** A source for TestHotline; deliberately not @Configuration, so that component scanning never finds it. */
    public static class Config {
        @Bean
        @Order(-100)
        EchoHandler echoHandler() {
            return new EchoHandler();
        }
    }

    @Override
    public boolean accepts(Address from) {
        return from.chat().startsWith("777");
    }

    @Override
    public Step handle(Inbound message, String state) {
        int count = state == null ? 1 : Integer.parseInt(state) + 1;
        String text = message.text() == null ? String.valueOf(message.kind()) : message.text();
        return Step.of(String.valueOf(count),
                List.of(Outbound.send(message.from(), RichText.plain("echo " + count + ": " + text))));
    }

    @Override
    public Step failed(Inbound message, String state, RuntimeException error) {
        return Step.reply(List.of());
    }
}
