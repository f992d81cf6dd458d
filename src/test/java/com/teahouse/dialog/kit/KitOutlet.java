package com.teahouse.dialog.kit;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.messaging.Outbound;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The test channel "kit": captures everything the outbox delivers to it, in delivery order. */
public final class KitOutlet implements ChannelOutlet {

    public static final String CHANNEL = "kit";

    private final List<Outbound> delivered = new CopyOnWriteArrayList<>();

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Delivery deliver(Outbound outbound) {
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
