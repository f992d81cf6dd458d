package com.teahouse.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseWork;
import com.teahouse.dialog.kit.KitApp;
import com.teahouse.dialog.kit.PathDriver;
import com.teahouse.dialog.kit.ScriptRunner;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Person;
import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.store.RedisStore;
import com.teahouse.store.RetentionSweeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * PIPL retention, end to end: a complaint with planted personal data runs through the real message path to a
 * closed case, the app's clock moves past each period, the retention sweep runs, and every key in Redis is
 * searched for the planted values. A key that Redis will have expired by the app's time counts as gone.
 */
class PersonalDataExpiryTest {

    private static final List<String> PLANTED = List.of("13900007777", "到期测试有限公司", "王到期",
            "91350100M000100Y43", escaped("到期测试有限公司"), escaped("王到期"));

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = KitApp.start(dataDir, null, "teahouse.retention.sweep-interval=1h");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void nothingPersonalOutlivesItsPeriodAndTheCaseStillCounts() throws Exception {
        PathDriver driver = new PathDriver(app);
        new ScriptRunner(driver).run(ScriptRunner.load(Path.of("src/test/resources/retention/planted-zh.yaml")));
        RedisStore redis = app.getBean(RedisStore.class);
        RetentionSweeper sweeper = app.getBean(RetentionSweeper.class);
        Clock clock = app.getBean(Clock.class);
        Address owner = driver.chat("retention-chat", "zh");
        String t = app.getBean(CaseDesk.class).casesOf(owner).get(0).trackingNumber();
        String conv = app.getBean(MessagingKeys.class).conversation(owner);
        String caseKey = redis.key("case:" + t);
        String events = redis.key("case:" + t + ":events");

        Set<String> atStart = holders(redis, clock);
        assertThat(atStart).as("the planted values are there to be found").contains(conv, caseKey, events)
                .anyMatch(k -> k.contains("inbox:")).anyMatch(k -> k.contains("outbox:"));
        assertThat(redis.jedis().ttl(conv)).as("the conversation expires 30 days after its last message")
                .isBetween(Duration.ofDays(30).toSeconds() - 600, Duration.ofDays(30).toSeconds());
        assertThat(redis.jedis().zscore(redis.key("cases:ended"), t)).as("closing indexed the case's end")
                .isNotNull();
        long eventCount = redis.jedis().xlen(events);

        driver.advanceClock(Duration.ofDays(7).plusHours(1));
        sweeper.sweepOnce();
        assertThat(holders(redis, clock)).as("after 7 days: no inbox or outbox entry")
                .containsExactlyInAnyOrder(conv, caseKey, events);

        driver.advanceClock(Duration.ofDays(23));
        sweeper.sweepOnce();
        assertThat(holders(redis, clock)).as("after 30 days: the conversation is gone")
                .containsExactlyInAnyOrder(caseKey, events);

        // as if the case had ended before the index of ended cases existed: the sweep finds it again
        redis.jedis().zrem(redis.key("cases:ended"), t);
        redis.jedis().del(redis.key("cases:ended:built"));
        driver.advanceClock(Duration.ofDays(30L * 23));
        sweeper.sweepOnce();
        assertThat(holders(redis, clock)).as("before 24 months the case keeps its data")
                .containsExactlyInAnyOrder(caseKey, events);
        driver.advanceClock(Duration.ofDays(31));
        Map<String, Integer> counts = sweeper.sweepOnce();
        assertThat(counts).containsEntry("cases", 1);
        assertThat(holders(redis, clock)).as("after 24 months nothing personal is left anywhere").isEmpty();

        Map<String, String> kept = redis.jedis().hgetAll(caseKey);
        assertThat(kept).containsEntry("state", "closed").containsEntry("unit", "iit")
                .containsEntry("category", "payment").containsEntry("location", "高密市")
                .containsEntry("rating", "SATISFIED").containsKeys("openedAt", "replyDue", "repliedAt", "anonymisedAt")
                .doesNotContainKeys("phone", "company", "contactName", "creditCode", "description", "transcript",
                        "resolution", "ratingComment", "attachments", "submissionId");
        assertThat(redis.jedis().sismember(redis.key("cases:by-state:closed"), t)).isTrue();
        assertThat(redis.jedis().sismember(redis.key("cases:by-unit:iit"), t)).isTrue();
        assertThat(redis.jedis().zscore(redis.key("cases:all"), t)).isNotNull();
        List<StreamEntry> log = redis.jedis().xrange(events, (StreamEntryID) null, (StreamEntryID) null);
        assertThat(log).hasSize((int) eventCount).allMatch(e -> e.getFields().get("note").isEmpty())
                .allMatch(e -> !e.getFields().get("type").isEmpty() && !e.getFields().get("at").isEmpty());

        // idempotent: a second sweep changes nothing
        assertThat(sweeper.sweepOnce()).containsEntry("cases", 0);
        assertThat(redis.jedis().hgetAll(caseKey)).isEqualTo(kept);

        // the owner still gets an answer on the number, with nothing personal in it
        Person person = new Person("u-retention-chat", "Tester", "zh");
        List<Outbound> status = driver.send(Inbound.text("status-" + UUID.randomUUID(), owner, person,
                "/status " + t));
        String said = String.join("\n", status.stream().filter(o -> o.text() != null)
                .map(o -> o.text().plainText()).toList());
        assertThat(said).contains(t).contains("办结");
        PLANTED.forEach(value -> assertThat(said).doesNotContain(value));

        // and it is history: no change applies to it any more
        var refused = app.getBean(CaseWork.class).note(t, new Actor("tg:" + KitApp.STAFF_USER, "李工"), "x", null);
        assertThat(refused.done()).isFalse();
        assertThat(redis.jedis().hgetAll(caseKey)).isEqualTo(kept);
        assertThat(redis.jedis().xlen(events)).isEqualTo(eventCount);
    }

    /**
     * The keys whose name or value holds a planted value and that still exist at the app's time: a key with a TTL
     * that Redis will have removed by then does not count.
     */
    private static Set<String> holders(RedisStore redis, Clock clock) {
        Set<String> found = new TreeSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.jedis().scan(cursor, new ScanParams().count(500));
            for (String key : page.getResult()) {
                String content = key + "\n" + content(redis, key);
                if (PLANTED.stream().anyMatch(content::contains)) {
                    long pttl = redis.jedis().pttl(key);
                    boolean goneBy = pttl >= 0 && System.currentTimeMillis() + pttl <= clock.millis();
                    if (!goneBy && pttl != -2) {
                        found.add(key);
                    }
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return found;
    }

    private static String content(RedisStore redis, String key) {
        var jedis = redis.jedis();
        return switch (jedis.type(key)) {
            case "string" -> String.valueOf(jedis.get(key));
            case "hash" -> jedis.hgetAll(key).toString();
            case "set" -> jedis.smembers(key).toString();
            case "zset" -> jedis.zrange(key, 0, -1).toString();
            case "list" -> jedis.lrange(key, 0, -1).toString();
            case "stream" -> {
                List<String> all = new ArrayList<>();
                jedis.xrange(key, (StreamEntryID) null, (StreamEntryID) null).forEach(e -> all.add(
                        e.getFields().toString()));
                yield all.toString();
            }
            default -> "";
        };
    }

    /** The same text as a JSON writer that escapes non-ASCII would store it. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
