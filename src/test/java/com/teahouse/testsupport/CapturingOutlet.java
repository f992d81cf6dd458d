package com.teahouse.testsupport;

import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.messaging.Outbound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;

/** A test channel ("kit") whose outlet records every delivered reply per chat, for tests of the message path. */
public final class CapturingOutlet implements ChannelOutlet {

    public static final String CHANNEL = "kit";

    /** A source for TestHotline; deliberately not @Configuration, so that component scanning never finds it. */
    public static class Config {
        @Bean
        CapturingOutlet capturingOutlet() {
            return new CapturingOutlet();
        }
    }

    private final Map<String, List<Outbound>> byChat = new ConcurrentHashMap<>();

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Delivery deliver(Outbound outbound) {
        List<Outbound> list = byChat.computeIfAbsent(outbound.to().chat(), c -> new ArrayList<>());
        synchronized (list) {
            list.add(outbound);
        }
        synchronized (this) {
            notifyAll();
        }
        return Delivery.delivered(outbound.to().chat() + ":" + list.size());
    }

    public List<Outbound> sentTo(String chat) {
        List<Outbound> list = byChat.getOrDefault(chat, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    public List<String> textsTo(String chat) {
        return sentTo(chat).stream().filter(o -> o.text() != null).map(o -> o.text().plainText()).toList();
    }

    /** Waits until the chat's replies satisfy the condition; returns them either way for the assertion. */
    public List<Outbound> await(String chat, Predicate<List<Outbound>> done, Duration timeout) {
        long end = System.currentTimeMillis() + timeout.toMillis();
        synchronized (this) {
            while (!done.test(sentTo(chat)) && System.currentTimeMillis() < end) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return sentTo(chat);
    }

    public List<Outbound> awaitCount(String chat, int count, Duration timeout) {
        return await(chat, l -> l.size() >= count, timeout);
    }
}
