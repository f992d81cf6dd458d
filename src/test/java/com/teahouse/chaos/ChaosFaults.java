package com.teahouse.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of a run, in a shuffled order with a pause between them, on their own thread while the chats run:
 * instance kills (each instance started again at once), one kill -9 of the Redis master (started again on its
 * files before the sentinels call it down), one Sentinel failover,
 * a 429 storm and a 5xx storm of the fake Bot API, and one instance frozen past its lease and then resumed.
 */
final class ChaosFaults {
    private final ChaosCluster cluster;
    private final int kills;
    private final int stormCalls;
    private final long pauseMillis;
    private final Random random = new Random(12);
    private final List<String> done = Collections.synchronizedList(new ArrayList<>());
    private final boolean failover;
    private Thread thread;
    private volatile Throwable failure;

    ChaosFaults(ChaosCluster cluster, int kills, int stormCalls, long pauseMillis) {
        this(cluster, kills, stormCalls, pauseMillis, true);
    }

    /**
     * @param failover whether a Sentinel failover is among the faults. A failover can lose the old master's last
     *                 step commits (replication is asynchronous): their entries are pending again on the new
     *                 master, and their lanes must do them again before any later entry
     */
    ChaosFaults(ChaosCluster cluster, int kills, int stormCalls, long pauseMillis, boolean failover) {
        this.failover = failover;
        this.cluster = cluster;
        this.kills = kills;
        this.stormCalls = stormCalls;
        this.pauseMillis = pauseMillis;
    }

    void start() {
        List<String> plan = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            plan.add("kill");
        }
        plan.addAll(List.of("redis", "storm429", "storm5xx", "freeze"));
        Collections.shuffle(plan, random);
        if (failover) {
            // first, while the chats are still typing (a quiet machine answers the short run's chats in ~5 s): a
            // failover after the traffic would prove nothing
            plan.add(0, "failover");
        }
        thread = new Thread(() -> {
            try {
                for (String fault : plan) {
                    pause(pauseMillis);
                    done.add(perform(fault));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
            }
        }, "chaos-faults");
        thread.start();
    }

    /** Performs one fault; returns what was done, for the report. */
    private String perform(String fault) throws Exception {
        switch (fault) {
            case "kill" -> {
                AppInstance victim = cluster.instances.get(random.nextInt(cluster.instances.size()));
                victim.kill();
                victim.start(); // not waited for: the next faults come while it starts, as the chats go on
                return "kill";
            }
            case "redis" -> {
                String master = cluster.redis.killMaster();
                pause(1000);
                cluster.redis.restart(master);
                return "redis kill -9 " + master;
            }
            case "failover" -> {
                return "failover " + cluster.redis.failover();
            }
            case "storm429" -> cluster.telegram.failNext("sendMessage", stormCalls, 429, 1);
            case "storm5xx" -> cluster.telegram.failNext("sendMessage", stormCalls, 502);
            case "freeze" -> {
                AppInstance frozen = cluster.instances.get(random.nextInt(cluster.instances.size()));
                frozen.freeze();
                pause(8000); // past the 5 s lease: its lanes move, and its commits must be refused after
                frozen.thaw();
            }
            default -> throw new IllegalArgumentException(fault);
        }
        return fault;
    }

    /** A pause between faults, so the system runs under each for a while: pacing, not waiting on an outcome. */
    private void pause(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(200, Math.max(1, end - System.currentTimeMillis())));
        }
    }

    /** Waits until the whole plan was performed (faults still due happen even if the chats are done). */
    List<String> finish() throws Exception {
        thread.join();
        if (failure != null) {
            throw new IllegalStateException("a fault could not be performed", failure);
        }
        for (AppInstance app : cluster.instances) {
            if (app.running()) {
                ChaosCluster.awaitUp(app);
            }
            if (!app.running()) { // exited at start, e.g. while Redis was down: a supervisor starts it again
                ChaosCluster.restartUntilUp(app);
            }
        }
        return List.copyOf(done);
    }
}
