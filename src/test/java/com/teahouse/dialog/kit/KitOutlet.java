package com.teahouse.dialog.kit;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.messaging.Outbound;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test channel that captures everything the outbox delivers to it, in delivery order: "kit" for the
 * entrepreneurs of the scripts, "telegram" for the staff forum (its answers are message and thread ids, as
 * Telegram's are, so the staff module can record a case's topic and card).
 */
public final class KitOutlet implements ChannelOutlet {

    public static final String CHANNEL = "kit";

    private final String channel;
    private final List<Outbound> delivered = new CopyOnWriteArrayList<>();

    public KitOutlet(String channel) {
        this.channel = channel;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public synchronized Delivery deliver(Outbound outbound) {
        delivered.add(outbound);
        return Delivery.delivered(String.valueOf(delivered.size()));
    }

    public List<Outbound> delivered() {
        return delivered;
    }

    public List<Outbound> to(Address address) {
        return delivered.stream().filter(o -> o.to().equals(address)).toList();
    }
}
