package com.teahouse.dialog.kit;

import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Inbox;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Person;
import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.store.RedisStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Drives conversations through the REAL message path: Inbox.accept, the lanes, the handler, the MULTI commit,
 * the outbox and its sender, to the kit outlets. A step is over when its dedupe marker is committed and every
 * outbox lane is drained (all entries read and acknowledged), so the replies captured are exactly its own.
 * Staff act through the real staff forum handler, as a staff member writing in the case's topic.
 */
public final class PathDriver implements ScriptRunner.Driver {

    private static final Person STAFF = new Person(KitApp.STAFF_USER, "李工", "zh");

    private final ApplicationContext[] instances;
    private final List<KitOutlet> outlets = new ArrayList<>();
    private final List<MutableClock> clocks = new ArrayList<>();
    private final RedisStore store;
    private final MessagingKeys keys;
    private int next;

    /** Several instances on one Redis: messages go to them in turn. */
    public PathDriver(ApplicationContext... instances) {
        this.instances = instances;
        for (ApplicationContext instance : instances) {
            outlets.addAll(instance.getBeansOfType(KitOutlet.class).values());
            clocks.add(instance.getBean(MutableClock.class));
        }
        this.store = instances[0].getBean(RedisStore.class);
        this.keys = instances[0].getBean(MessagingKeys.class);
    }

    @Override
    public Address chat(String name, String language) {
        return Address.of(KitOutlet.CHANNEL, name);
    }

    @Override
    public List<Outbound> send(Inbound message) {
        ApplicationContext target = instances[next++ % instances.length];
        return collect(() -> target.getBean(Inbox.class).accept(List.of(message)), () -> committed(message),
                "no reply to " + message.kind() + " '" + message.text() + "' within 20 s");
    }

    @Override
    public List<Outbound> staffAct(Runnable action) {
        return collect(action, () -> true, "what a staff action posted was not delivered within 20 s");
    }

    /** Does the action, waits until it is done and every case notice and outbox entry is delivered. */
    private List<Outbound> collect(Runnable action, java.util.function.BooleanSupplier done, String timeout) {
        int[] before = new int[outlets.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = outlets.get(i).delivered().size();
        }
        action.run();
        long until = System.currentTimeMillis() + 20_000;
        while (!(done.getAsBoolean() && drained(store, keys))) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError(timeout);
            }
            KitApp.sleep(2);
        }
        List<Outbound> replies = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            var all = outlets.get(i).delivered();
            replies.addAll(all.subList(before[i], all.size()));
        }
        return replies.stream().filter(o -> o.action() != Outbound.Action.ACK).toList();
    }

    @Override
    public List<Outbound> staff(String tracking, String text, boolean press) {
        Address topic = ScriptRunner.awaitTopic(work(), tracking);
        String id = "kit-staff:" + UUID.randomUUID();
        return send(press ? Inbound.button(id, topic, STAFF, text, "1", null) : Inbound.text(id, topic, STAFF, text));
    }

    @Override
    public void advanceClock(Duration by) {
        clocks.forEach(clock -> clock.advance(by));
    }

    @Override
    public CaseWork work() {
        return instances[0].getBean(CaseWork.class);
    }

    @Override
    public <T> T bean(Class<T> type) {
        return instances[0].getBean(type);
    }

    private boolean committed(Inbound message) {
        return store.jedis().exists(keys.dedupe(message.id()));
    }

    /**
     * Every case notice delivered to the outbox, then every outbox lane read and acknowledged: nothing decided is
     * still waiting to be sent.
     */
    static boolean drained(RedisStore store, MessagingKeys keys) {
        String notices = store.key("cases:notices");
        if (store.jedis().exists(notices)) {
            var last = store.jedis().xinfoStream(notices).getLastGeneratedId();
            var group = store.jedis().xinfoGroups(notices).stream().filter(g -> g.getName().equals("deliver"))
                    .findFirst();
            if (group.isEmpty() || group.get().getPending() > 0 || !group.get().getLastDeliveredId().equals(last)) {
                return false;
            }
        }
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
