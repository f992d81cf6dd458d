package com.teahouse.dialog;

import com.teahouse.dialog.internal.engine.FlowMachine;
import com.teahouse.dialog.internal.engine.StatemachineFlows;
import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.dialog.kit.KitApp;
import com.teahouse.dialog.kit.KitOutlet;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.MessageHandler;
import com.teahouse.messaging.Person;
import com.teahouse.messaging.internal.JsonCodec;
import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.messaging.internal.StepRunner;
import com.teahouse.store.RedisStore;
import com.teahouse.store.internal.EmbeddedRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.StreamEntryID;

/**
 * The engine with Redis persistence: 1,000 conversations at once through the complaint form, each message
 * through the message path's step (pipelined read of dedupe marker and state, the dialog, one MULTI commit of
 * state, reply and marker) on the app's real embedded redis-server with appendfsync always, with the real case
 * desk (its takeover check runs on every message). Argument "remembered" opts out of the machine per step.
 * Run: mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.teahouse.dialog.DialogBench
 */
public final class DialogBench {

    static final int CONVERSATIONS = 1000;
    static int THREADS = Integer.getInteger("bench.threads", 8);
    static final java.util.concurrent.atomic.AtomicLongArray BY_STEP = new java.util.concurrent.atomic.AtomicLongArray(16);
    static final List<String> FORM = List.of("/start", "/complain", "=complaint.category=payment",
            "区政府下属单位拖欠我公司工程款一百二十万元，已超过合同约定付款期限一年多。", "=complaint.district=kuiwen",
            "潍坊示例科技有限公司", "91350100M000100Y43", "张三", "13800138000", "=complaint.confidential=no",
            "=complaint.confirm:submit");

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("dialog-bench");
        boolean perStep = !(args.length > 0 && args[0].equals("remembered"));
        System.out.println("state machine mode: " + (perStep ? "pooled machine restored and fired on every event "
                + "(default)" : "remembered answers"));
        // the app's own embedded redis-server (appendfsync always), started here so the counting client can reach it
        var redis = EmbeddedRedis.start(dir.resolve("redis"));
        RoundTrips.url = redis.url();
        var app = KitApp.start(dir, redis.url(), new Class<?>[] {RoundTrips.class},
                "teahouse.dialogs.machine-per-step=" + perStep);
        try {
            MessageHandler handler = app.getBeansOfType(MessageHandler.class).values().stream()
                    .filter(h -> h.accepts(Address.of(KitOutlet.CHANNEL, "x"))).findFirst().orElseThrow();
            new DialogBench().run(handler, app.getBean(StepRunner.class), app.getBean(RedisStore.class),
                    app.getBean(MessagingKeys.class), app.getBean(FlowMachine.class), app.getBean("kitOutlet", KitOutlet.class),
                    app.getBean(DialogFiles.class));
        } finally {
            app.close();
            redis.close();
        }
        System.exit(0);
    }

    /** The dialog alone, states kept in a map: what the engine costs without Redis, one thread. */
    private void engineOnly(MessageHandler handler, int conversations) {
        Map<String, String> states = new HashMap<>();
        long began = System.nanoTime();
        int n = 0;
        for (int step = 0; step < FORM.size(); step++) {
            for (int c = 0; c < conversations; c++) {
                Address chat = Address.of(KitOutlet.CHANNEL, "engine-" + conversations + "-" + c);
                var result = handler.handle(message("e" + (n++), chat, FORM.get(step)), states.get(chat.chat()));
                if (result.state() != null) {
                    states.put(chat.chat(), result.state());
                }
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        int bytes = states.values().stream().mapToInt(String::length).max().orElse(0);
        System.out.printf("engine alone (states in a map; takeover check and cases still on Redis; 1 thread): "
                + "%.0f messages/s, %.1f µs per message; "
                + "largest stored state %d chars%n", n / seconds, seconds * 1e6 / n, bytes);
    }

    void run(MessageHandler handler, StepRunner steps, RedisStore store, MessagingKeys keys, FlowMachine machine, KitOutlet outlet,
            DialogFiles files) throws Exception {
        JsonCodec codec = new JsonCodec();
        benchStore = store;
        engineOnly(handler, 200);
        engineOnly(handler, CONVERSATIONS);
        drive(steps, keys, codec, "warmup", 200, FORM.size());
        Map<String, Long> before = commandStats(store);
        RoundTrips.COUNTED.reset();
        for (int i = 0; i < FORM.size(); i++) {
            BY_STEP.set(i, 0);
        }
        long[] latencies = drive(steps, keys, codec, "run", CONVERSATIONS, FORM.size());
        Map<String, Long> after = commandStats(store);
        long wallNanos = latencies[latencies.length - 1];
        long[] lat = Arrays.copyOf(latencies, latencies.length - 1);
        Arrays.sort(lat);
        int messages = lat.length;
        System.out.printf("messages: %d in %d conversations, %d threads%n", messages, CONVERSATIONS, THREADS);
        System.out.printf("throughput: %.0f messages/s%n", messages / (wallNanos / 1e9));
        System.out.printf("latency per message: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", lat[messages / 2] / 1e6,
                lat[(int) (messages * 0.99)] / 1e6, lat[messages - 1] / 1e6);
        long all = after.values().stream().mapToLong(Long::longValue).sum()
                - before.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("redis round trips per message, counted on the sockets of the step's thread (dedupe and "
                + "state read, takeover check, commit, case opening): %.2f%n",
                RoundTrips.COUNTED.sum() / (double) messages);
        StringBuilder bySteps = new StringBuilder();
        for (int i = 0; i < FORM.size(); i++) {
            bySteps.append(String.format(" %.1f", BY_STEP.get(i) / (double) CONVERSATIONS));
        }
        System.out.println("round trips by form step (the last submits the complaint):" + bySteps);
        RoundTrips.WHERE.forEach((where, n) -> System.out.printf("  %6d %s%n", n, where));
        System.out.printf("redis commands per message, whole app incl. outbox delivery and leases: %.2f%n",
                all / (double) messages);
        var costs = machine.costs();
        System.out.printf("state machine per event: restore %.1f µs, restore+fire %.1f µs (%d events)%n",
                costs.microsPerRestore(), costs.microsPerStep(), costs.steps());
        long began = System.nanoTime();
        int builds = 50;
        for (int i = 0; i < builds; i++) {
            new StatemachineFlows(files);
        }
        System.out.printf("state machine build from the flow files: %.0f µs per flow (warm, %d flows × %d)%n",
                (System.nanoTime() - began) / 1000.0 / (builds * files.flows().size()), files.flows().size(), builds);
        heapPerIdle(steps, keys, codec, outlet);
    }

    private final java.util.Map<Integer, Long> laneTokens = new java.util.concurrent.ConcurrentHashMap<>();
    private RedisStore benchStore;

    /** The lane's current fencing token (the app owns the lanes; the bench commits steps as their owner would). */
    private long laneToken(MessagingKeys keys, int shard) {
        return laneTokens.computeIfAbsent(shard, s -> {
            String token = benchStore.jedis().get(keys.fence(s));
            return token == null ? 0L : Long.parseLong(token);
        });
    }

    private void heapPerIdle(StepRunner steps, MessagingKeys keys, JsonCodec codec, KitOutlet outlet)
            throws Exception {
        Thread.sleep(2000);
        outlet.delivered().clear();
        long base = usedHeap();
        drive(steps, keys, codec, "idle", 10_000, 3);
        Thread.sleep(2000);
        outlet.delivered().clear();
        long idle = usedHeap();
        System.out.printf("heap for 10,000 idle conversations (mid-form, stored in Redis): %+.2f MB%n",
                (idle - base) / 1e6);
    }

    /** Runs {@code steps} messages of each conversation, conversations interleaved, each in order. Last = wall. */
    private long[] drive(StepRunner runner, MessagingKeys keys, JsonCodec codec, String run, int conversations,
            int steps) throws InterruptedException {
        var queue = new ConcurrentLinkedQueue<int[]>();
        for (int c = 0; c < conversations; c++) {
            queue.add(new int[] {c, 0});
        }
        int total = conversations * steps;
        long[] latencies = new long[total + 1];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger ids = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(THREADS);
        long began = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            new Thread(() -> {
                RoundTrips.countThisThread();
                int[] job;
                while (done.get() < total) {
                    job = queue.poll();
                    if (job == null) {
                        Thread.onSpinWait();
                        continue;
                    }
                    Address chat = Address.of(KitOutlet.CHANNEL, run + "-" + job[0]);
                    Inbound message = message(run + ":" + ids.incrementAndGet(), chat, FORM.get(job[1]));
                    long start = System.nanoTime();
                    long trips = RoundTrips.mine();
                    int shard = keys.shardOf(chat);
                    runner.process(shard, laneToken(keys, shard), new StreamEntryID(1, job[0]), codec.write(message));
                    latencies[done.getAndIncrement()] = System.nanoTime() - start;
                    BY_STEP.addAndGet(job[1], RoundTrips.mine() - trips);
                    if (job[1] + 1 < steps) {
                        queue.add(new int[] {job[0], job[1] + 1});
                    }
                }
                finished.countDown();
            }).start();
        }
        finished.await();
        latencies[total] = System.nanoTime() - began;
        return latencies;
    }

    private static Inbound message(String id, Address chat, String what) {
        Person person = new Person("u-" + chat.chat(), "Bench", "zh");
        return what.startsWith("=") ? Inbound.button(id, chat, person, what.substring(1), "1", null)
                : Inbound.text(id, chat, person, what);
    }

    private static Map<String, Long> commandStats(RedisStore store) {
        Map<String, Long> calls = new HashMap<>();
        for (String line : store.jedis().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring(8, line.indexOf(':'));
                String c = line.substring(line.indexOf("calls=") + 6);
                calls.put(name, Long.parseLong(c.substring(0, c.indexOf(','))));
            }
        }
        return calls;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
