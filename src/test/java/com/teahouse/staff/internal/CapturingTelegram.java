package com.teahouse.staff.internal;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.messaging.Outbound;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A "telegram" outlet that records what would be sent and answers like Telegram: thread and message ids. */
class CapturingTelegram implements ChannelOutlet {

    final List<Outbound> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(1000);

    @Override
    public String channel() {
        return "telegram";
    }

    @Override
    public Delivery deliver(Outbound outbound) {
        sent.add(outbound);
        return Delivery.delivered(String.valueOf(ids.incrementAndGet()));
    }

    Outbound await(Predicate<Outbound> what) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            for (Outbound o : sent) {
                if (what.test(o)) {
                    return o;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not sent within 15 s; sent so far: " + sent.stream()
                .map(o -> o.action() + " " + o.to() + " " + (o.text() == null ? "" : o.text().plainText())).toList());
    }

    static Predicate<Outbound> to(Address a, String contains) {
        return o -> o.to().equals(a) && o.text() != null && o.text().plainText().contains(contains);
    }
}
