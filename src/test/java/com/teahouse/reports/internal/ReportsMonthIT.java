package com.teahouse.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teahouse.cases.CaseCounters;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseWork;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The figures of a scripted month ({@link ReportMonth}) against counts made by hand, through the real API and
 * security chain on a real redis-server; and the rebuild from the event logs gives the same counters.
 */
@SpringBootTest(properties = {"teahouse.cases.poll-interval=1h",
        "teahouse.admin.password=Reports-Admin-Pass-2026"})
@AutoConfigureMockMvc
@Import(ReportsMonthIT.Clock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsMonthIT {

    @TestConfiguration
    static class Clock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-10-01T00:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("reports-it").toString();
        registry.add("teahouse.data-dir", () -> dir);
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MONTH = "from=2026-11-01&to=2026-11-30";

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWork work;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationContext ctx;
    @Autowired
    CaseCounters counters;
    @Autowired
    RedisStore redis;

    ReportMonth month;

    @BeforeAll
    void play() throws Exception {
        month = new ReportMonth(desk, work, clock);
        month.play(ctx);
        account("boss", "[\"SUPERVISOR\"]", null);
        account("clerk", "[\"STAFF\"]", "iit");
        account("keeper", "[\"ADMIN\"]", null);
    }

    private void account(String name, String roles, String unit) throws Exception {
        String body = "{\"username\":\"" + name + "\",\"password\":\"Long-Enough-Pass-" + name + "\",\"roles\":"
                + roles + ",\"unit\":" + (unit == null ? "null" : "\"" + unit + "\"") + ",\"name\":\"" + name + "\"}";
        MvcResult r = mvc.perform(post("/staff/api/admin/accounts").with(user("admin").roles("ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertEquals(200, r.getResponse().getStatus(), r.getResponse().getContentAsString());
    }

    private MvcResult call(String who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who)).accept(MediaType.APPLICATION_JSON)).andReturn();
    }

    private JsonNode json(String who, String path) throws Exception {
        MvcResult r = call(who, path);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertEquals(200, r.getResponse().getStatus(), body);
        return JSON.readTree(body);
    }

    @Test
    void theMonthAsCountedByHand() throws Exception {
        JsonNode s = json("boss", "/staff/api/reports/summary?" + MONTH);
        assertEquals(9, s.get("opened").asInt(), "A B C D E F G I J (H was opened in October)");
        assertEquals(8, s.get("claimed").asInt(), "A B C C(again) E F H J");
        assertEquals(6, s.get("replied").asInt(), "A B C C F H");
        assertEquals(5, s.get("closed").asInt(), "A B C H rated, F closed unrated");
        assertEquals(1, s.get("reopened").asInt());
        assertEquals(1, s.get("declined").asInt());
        assertEquals(4, s.get("openNow").asInt(), "D E I J");
        assertEquals(3, s.get("overdueNow").asInt(), "D I past their claim deadline, E past its reply deadline");
        assertEquals(3, s.get("supervisedNow").asInt());
        JsonNode onTime = s.get("onTime");
        assertEquals(5.0 / 7, onTime.get("claimRate").asDouble(), 1e-3, "A C E F J of A B C E F H J");
        assertEquals(5.0 / 6, onTime.get("replyRate").asDouble(), 1e-3, "all but B");
        assertEquals(1, onTime.get("repliedOnTimeExtended").asInt(), "C's first reply");
        assertEquals(4.0 / 6, onTime.get("replyRateWithoutExtensions").asDouble(), 1e-3);
        JsonNode sat = s.get("satisfaction");
        assertEquals(5, sat.get("rated").asInt());
        assertEquals(3, sat.get("satisfied").asInt(), "A, H, C the second time");
        assertEquals(1, sat.get("basicallySatisfied").asInt(), "B");
        assertEquals(1, sat.get("dissatisfied").asInt(), "C the first time");
        assertEquals(0.8, sat.get("rate").asDouble(), 1e-9);
        assertEquals(1.0 / 6, sat.get("reopenRate").asDouble(), 1e-3);
        JsonNode times = s.get("times");
        // claims took 5 10 20 30 40 240 540 working minutes: the median 30 is in the bucket (15, 30], p90 540 in (480, 720]
        within(times.get("claimMedianMinutes").asDouble(), 15, 30);
        within(times.get("claimP90Minutes").asDouble(), 480, 720);
        // replies: H 1 day+ ... A 1140, B 3990, C 3780 and 480, F 570, H 90 min: median between 570 and 1140
        within(times.get("replyMedianHours").asDouble() * 60, 480, 1440);
        JsonNode backlog = s.get("backlog");
        assertEquals(List.of(1, 1, 1, 1), List.of(backlog.get("days0to1").asInt(), backlog.get("days2to5").asInt(),
                backlog.get("days6to10").asInt(), backlog.get("over10").asInt()), "I J E D");
        Map<String, JsonNode> units = byKey(s.get("byUnit"), "unit");
        JsonNode iit = units.get("iit");
        assertEquals(4, iit.get("opened").asInt());
        assertEquals(4, iit.get("closed").asInt());
        assertEquals(0.75, iit.get("onTimeReplyRate").asDouble(), 1e-9);
        assertEquals(1.0, iit.get("satisfactionRate").asDouble(), 1e-9);
        assertEquals(1, iit.get("overdueNow").asInt());
        assertEquals(80.0, iit.get("score").asDouble(), 1e-9, "100 × (0.6 × 0.75 + 0.4 × 1) − 5 × 1");
        assertEquals(80.0, units.get("ndrc").get("score").asDouble(), 1e-9, "100 × (0.6 × 1 + 0.4 × 0.5)");
        assertEquals(0.0, units.get("housing").get("score").asDouble(), 1e-9, "nothing replied, 2 overdue");
        assertTrue(units.get("tax").get("score").isNull(), "nothing to score");
        assertEquals("iit", s.get("byUnit").get(0).get("unit").asText(), "ranked by score, then id");
        Map<String, JsonNode> categories = byKey(s.get("byCategory"), "key");
        assertEquals(4, categories.get("payment").get("opened").asInt());
        assertEquals(2, categories.get("fees").get("opened").asInt());
        assertEquals(2, categories.get("utilities").get("opened").asInt());
        Map<String, JsonNode> districts = byKey(s.get("byDistrict"), "key");
        assertEquals(6, districts.get("奎文区").get("opened").asInt());
        assertEquals(3, districts.get("潍城区").get("opened").asInt());
        Map<String, JsonNode> channels = byKey(s.get("byChannel"), "key");
        assertEquals(5, channels.get("telegram").get("opened").asInt());
        assertEquals(4, channels.get("web").get("opened").asInt());
        int weekly = 0;
        for (JsonNode w : s.get("byWeek")) {
            weekly += w.get("opened").asInt();
        }
        assertEquals(9, weekly);
    }

    private static void within(double v, double low, double high) {
        assertTrue(v >= low && v <= high, v + " not in [" + low + ", " + high + "]");
    }

    private static Map<String, JsonNode> byKey(JsonNode rows, String field) {
        Map<String, JsonNode> out = new TreeMap<>();
        rows.forEach(r -> out.put(r.get(field).asText(), r));
        return out;
    }

    @Test
    void oneUnitAndWhoMaySeeIt() throws Exception {
        JsonNode iit = json("boss", "/staff/api/reports/summary?" + MONTH + "&unit=iit");
        assertEquals(4, iit.get("opened").asInt());
        assertEquals(5, iit.get("claimed").asInt(), "A B E F H");
        assertEquals(1, iit.get("overdueNow").asInt());
        assertEquals(1, iit.get("byUnit").size());
        assertEquals(4, byKey(iit.get("byCategory"), "key").get("payment").get("opened").asInt());
        assertNull(byKey(iit.get("byCategory"), "key").get("fees"), "no other unit's figures");
        JsonNode own = json("clerk", "/staff/api/reports/summary?" + MONTH);
        assertEquals("iit", own.get("unit").asText(), "STAFF without a unit gets its own");
        assertEquals(4, own.get("opened").asInt());
        MvcResult other = call("clerk", "/staff/api/reports/summary?" + MONTH + "&unit=ndrc");
        assertEquals(403, other.getResponse().getStatus());
        assertEquals(403, call("keeper", "/staff/api/reports/summary?" + MONTH).getResponse().getStatus(),
                "ADMIN alone has no case rights");
    }

    @Test
    void badRequestsSayWhatIsWrong() throws Exception {
        for (String q : List.of("from=2026-11-31&to=2026-12-01", "from=2026-11-01", "from=2026/11/01&to=2026-11-02",
                "from=2026-12-01&to=2026-11-01", "from=2025-01-01&to=2026-01-02", MONTH + "&unit=nosuch")) {
            MvcResult r = call("boss", "/staff/api/reports/summary?" + q);
            assertEquals(400, r.getResponse().getStatus(), q);
            assertTrue(JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("message")
                    .asText().length() > 5, q);
        }
        assertEquals(400, call("boss", "/staff/api/reports/cases?" + MONTH + "&measure=nonsense")
                .getResponse().getStatus());
    }

    @Test
    void eachFigureListsItsCases() throws Exception {
        Set<String> onTime = cases("claimed_on_time", "");
        assertEquals(numbers("A", "C", "E", "F", "J"), onTime);
        assertEquals(numbers("A", "B", "E", "F"), cases("opened", "&unit=iit"));
        assertEquals(numbers("D", "E", "I"), cases("overdue", ""));
        assertEquals(numbers("C"), cases("replied_on_time_extended", ""));
        assertEquals(numbers("D"), cases("age3", ""));
    }

    private Set<String> cases(String measure, String extra) throws Exception {
        Set<String> out = new HashSet<>();
        json("boss", "/staff/api/reports/cases?" + MONTH + "&measure=" + measure + extra).get("cases")
                .forEach(c -> out.add(c.asText()));
        return out;
    }

    private Set<String> numbers(String... names) {
        Set<String> out = new HashSet<>();
        for (String n : names) {
            out.add(month.numbers.get(n));
        }
        return out;
    }

    @Test
    void rebuildFromTheEventLogsGivesTheSameCounters() {
        Map<String, Object> before = snapshot();
        assertTrue(before.size() > 10);
        assertTrue(before.keySet().stream().anyMatch(k -> k.contains("cases:opened:unit:")), "the views are there");
        assertEquals(10, counters.rebuild(), "A to J");
        assertEquals(before, snapshot());
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> out = new TreeMap<>();
        for (String day : redis.jedis().smembers(redis.key("reports:days"))) {
            out.put("day " + day, new TreeMap<>(redis.jedis().hgetAll(redis.key("reports:day:" + day))));
            out.put("month " + day.substring(0, 7),
                    new TreeMap<>(redis.jedis().hgetAll(redis.key("reports:month:" + day.substring(0, 7)))));
            for (CaseCounters.Measure m : CaseCounters.Measure.values()) {
                List<String> members = redis.jedis().zrange(redis.key("reports:cases:" + day + ":" + m), 0, -1);
                if (!members.isEmpty()) {
                    out.put("cases " + day + " " + m, members);
                }
            }
        }
        // [reports now] the views the queue figures are counted from are rebuilt too
        for (String pattern : List.of("cases:opened*", "cases:due:unit:*", "cases:supervised:open*")) {
            for (String key : redis.jedis().keys(redis.key(pattern))) {
                out.put("view " + key, redis.jedis().type(key).equals("set")
                        ? new TreeSet<>(redis.jedis().smembers(key))
                        : redis.jedis().zrangeWithScores(key, 0, -1).toString());
            }
        }
        return out;
    }
}
