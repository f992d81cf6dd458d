package com.teahouse.dialog.kit;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Inbox;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.store.RedisStore;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * Drives conversations through the REAL message path: Inbox.accept, the lanes, the handler, the MULTI commit,
 * the outbox and its sender, to the kit outlet. A step is over when its dedupe marker is committed and every
 * outbox lane is drained (all entries read and acknowledged), so the replies captured are exactly its own.
 */
public final class PathDriver implements ScriptRunner.Driver {

    private final ApplicationContext[] instances;
    private final KitOutlet[] outlets;
    private final MutableClock[] clocks;
    private final RedisStore store;
    private final MessagingKeys keys;
    private int next;

    /** Several instances on one Redis: messages go to them in turn. */
    public PathDriver(ApplicationContext... instances) {
        this.instances = instances;
        this.outlets = new KitOutlet[instances.length];
        this.clocks = new MutableClock[instances.length];
        for (int i = 0; i < instances.length; i++) {
            outlets[i] = instances[i].getBean(KitOutlet.class);
            clocks[i] = instances[i].getBean(MutableClock.class);
        }
        this.store = instances[0].getBean(RedisStore.class);
        this.keys = instances[0].getBean(MessagingKeys.class);
    }

    @Override
    public List<Outbound> send(Inbound message) {
        int[] before = new int[outlets.length];
        for (int i = 0; i < outlets.length; i++) {
            before[i] = outlets[i].delivered().size();
        }
        ApplicationContext target = instances[next++ % instances.length];
        target.getBean(Inbox.class).accept(List.of(message));
        long until = System.currentTimeMillis() + 20_000;
        while (!(committed(message) && drained())) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("no reply to " + message.kind() + " '" + message.text() + "' within 20 s");
            }
            KitApp.sleep(2);
        }
        List<Outbound> replies = new java.util.ArrayList<>();
        for (int i = 0; i < outlets.length; i++) {
            var all = outlets[i].delivered();
            replies.addAll(all.subList(before[i], all.size()));
        }
        return replies.stream().filter(o -> o.action() != Outbound.Action.ACK).toList();
    }

    @Override
    public void advanceClock(Duration by) {
        for (MutableClock clock : clocks) {
            clock.advance(by);
        }
    }

    @Override
    public InMemoryCaseDesk cases() {
        return instances[0].getBean(InMemoryCaseDesk.class);
    }

    @Override
    public void takeOver(Address owner, Address topic) {
        for (ApplicationContext c : instances) {
            if (topic == null) {
                c.getBean(InMemoryCaseDesk.class).handBack(owner);
            } else {
                c.getBean(InMemoryCaseDesk.class).takeOver(owner, topic);
            }
        }
    }

    private boolean committed(Inbound message) {
        return store.jedis().exists(keys.dedupe(message.id()));
    }

    private boolean drained() {
        for (int shard = 0; shard < keys.shards(); shard++) {
            String stream = keys.outbox(shard);
            if (!store.jedis().exists(stream)) {
                continue;
            }
            var last = store.jedis().xinfoStream(stream).getLastGeneratedId();
            var groups = store.jedis().xinfoGroups(stream);
            if (groups.isEmpty()) {
                return false;
            }
            var group = groups.get(0);
            if (group.getPending() > 0 || !group.getLastDeliveredId().equals(last)) {
                return false;
            }
        }
        return true;
    }
}
