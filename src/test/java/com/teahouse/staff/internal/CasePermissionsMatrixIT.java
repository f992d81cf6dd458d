package com.teahouse.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Person;
import com.teahouse.staff.StaffRole;
import com.teahouse.staff.internal.PermissionTable.Act;
import com.teahouse.staff.internal.PermissionTable.Who;
import com.teahouse.store.RedisStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Who may do what with a case (case-permissions.md), tried for real: every actor × action × case state, through
 * the console API (MockMvc, the real security chain) and through the Telegram staff forum (the real
 * {@link StaffForumHandler} with a message in the case's topic), on a real redis-server. A fresh case per cell.
 * Every refusal must say its polite message and leave the case's hash and event log exactly as they were.
 * The expected answers come from {@link PermissionTable}, written from the document, not from the policy.
 */
@SpringBootTest(properties = {"teahouse.telegram.staff-user-ids=31", "teahouse.cases.poll-interval=1h"})
@AutoConfigureMockMvc
@Import(StaffTestBeans.CapturedTelegram.class)
class CasePermissionsMatrixIT {

    static final String UNIT = "iit";
    static final String TOPIC_CHAT = "-100777";
    static final AtomicInteger threads = new AtomicInteger(5000);
    static final AtomicInteger updates = new AtomicInteger();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "matrix-it");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWork work;
    @Autowired
    AccountStore accounts;
    @Autowired
    StaffForumHandler forum;
    @Autowired
    RedisStore redis;

    @BeforeEach
    void accounts() {
        for (Who w : Who.values()) {
            if (w.username != null && accounts.find(w.username).isEmpty()) {
                accounts.create(new Account(w.username, "x", w.roles, w.unit, w.name(), null, null));
                accounts.linkTelegram(w.username, w.telegram);
            }
        }
    }

    static Stream<Arguments> console() {
        List<Arguments> all = new ArrayList<>();
        for (Who w : Who.values()) {
            if (w.username == null) {
                continue;
            }
            for (Act a : Act.values()) {
                for (CaseState s : PermissionTable.STATES) {
                    all.add(Arguments.of(w, a, s));
                }
            }
        }
        return all.stream();
    }

    static Stream<Arguments> telegram() {
        List<Arguments> all = new ArrayList<>();
        for (Who w : Who.values()) {
            for (Act a : Act.values()) {
                if (a == Act.SEE) {
                    continue; // the forum has no "see": cards are posted to everyone in it
                }
                for (CaseState s : PermissionTable.STATES) {
                    all.add(Arguments.of(w, a, s));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "console: {0} {1} while {2}")
    @MethodSource("console")
    void consoleApi(Who who, Act act, CaseState state) throws Exception {
        String t = caseIn(state, act == Act.SEE_CONTACT_CONFIDENTIAL);
        Snapshot before = snapshot(t);
        PermissionTable.Expected want = PermissionTable.expect(who, act, state);
        MvcResult r = mvc.perform(request(act, t).with(user(who.username)).with(csrf())).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String cell = who + " " + act + " " + state + ": " + r.getResponse().getStatus() + " " + body;
        switch (want.verdict()) {
            case ALLOWED -> {
                assertEquals(200, r.getResponse().getStatus(), cell);
                // allowed means done: a supervisor acts on a case someone else holds on that holder's behalf
                assertFalse(body.contains("\"done\":false"), cell);
            }
            case HIDDEN -> assertEquals(404, r.getResponse().getStatus(), cell);
            case REFUSED -> {
                assertEquals(403, r.getResponse().getStatus(), cell);
                assertTrue(body.contains(want.message()) && body.contains("本次操作未生效"), cell);
            }
        }
        if (want.verdict() != PermissionTable.Verdict.ALLOWED) {
            assertEquals(before, snapshot(t), "nothing changed: " + cell);
        }
    }

    @ParameterizedTest(name = "telegram: {0} {1} while {2}")
    @MethodSource("telegram")
    void telegramForum(Who who, Act act, CaseState state) {
        String t = caseIn(state, act == Act.SEE_CONTACT_CONFIDENTIAL);
        Address topic = Address.of("telegram", TOPIC_CHAT).inThread(String.valueOf(threads.incrementAndGet()));
        work.topicOpened(t, topic);
        Snapshot before = snapshot(t);
        PermissionTable.Expected want = PermissionTable.expect(who, act, state);
        List<Outbound> replies = forum.handle(telegramMessage(who, act, t, topic), null).replies();
        String said = String.join("\n", replies.stream().filter(o -> o.text() != null)
                .map(o -> o.to() + " " + o.text().plainText()).toList());
        String cell = who + " " + act + " " + state + ": " + said;
        if (act == Act.RELAY && !who.holds(state)) {
            // plain words in the topic from anyone but the holder stay among staff: no answer, no change
            assertTrue(replies.isEmpty(), cell);
            assertEquals(before, snapshot(t), "nothing changed: " + cell);
            return;
        }
        switch (want.verdict()) {
            case ALLOWED -> assertFalse(said.contains("本次操作未生效") || said.contains("本话题没有对应的案件"), cell);
            case HIDDEN -> assertTrue(said.contains("本话题没有对应的案件"), cell);
            case REFUSED -> assertTrue(said.contains(want.message()) && said.contains("本次操作未生效"), cell);
        }
        if (want.verdict() != PermissionTable.Verdict.ALLOWED) {
            assertEquals(before, snapshot(t), "nothing changed: " + cell);
            assertTrue(replies.stream().allMatch(o -> o.to().equals(topic)), "refusals only in the topic: " + cell);
        }
    }

    /** Bad input from a supervisor on a case where the action is allowed: 400 and the rule, nothing changes. */
    @ParameterizedTest(name = "console bad input: {0} {1}")
    @MethodSource("badConsoleInput")
    void consoleBadInput(String action, String body, String message) throws Exception {
        String t = caseIn(CaseState.CLAIMED, false);
        Snapshot before = snapshot(t);
        MvcResult r = mvc.perform(json("/staff/api/cases/" + t + "/" + action, body).with(user(Who.SUPERVISOR.username))
                .with(csrf())).andReturn();
        String answer = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertEquals(400, r.getResponse().getStatus(), answer);
        assertTrue(answer.contains(message) && answer.contains("本次操作未生效"), answer);
        assertEquals(before, snapshot(t));
    }

    static Stream<Arguments> badConsoleInput() {
        return Stream.of(
                Arguments.of("extend", "{\"days\":0,\"text\":\"理由\"}", "1 到 30"),
                Arguments.of("extend", "{\"days\":31,\"text\":\"理由\"}", "1 到 30"),
                Arguments.of("extend", "{\"days\":2147483647,\"text\":\"理由\"}", "1 到 30"),
                Arguments.of("extend", "{\"text\":\"理由\"}", "1 到 30"),
                Arguments.of("extend", "{\"days\":5}", "写明理由"),
                Arguments.of("decline", "{\"route\":\"court\"}", "写明理由"),
                Arguments.of("decline", "{\"route\":\"FAKE\\r\\nLOG\",\"text\":\"理由\"}", "court"),
                Arguments.of("resolve", "{\"text\":\"  \"}", "写上内容"));
    }

    /** The same rules typed in the forum by a supervisor (the bootstrap id). */
    @ParameterizedTest(name = "telegram bad input: {0}")
    @MethodSource("badTelegramInput")
    void telegramBadInput(String command, String message) {
        String t = caseIn(CaseState.CLAIMED, false);
        Address topic = Address.of("telegram", TOPIC_CHAT).inThread(String.valueOf(threads.incrementAndGet()));
        work.topicOpened(t, topic);
        Snapshot before = snapshot(t);
        Inbound m = Inbound.text("tg:b" + updates.incrementAndGet(), topic, new Person("31", "督办", "zh"), command);
        String said = String.join("\n", forum.handle(m, null).replies().stream().map(o -> o.text().plainText()).toList());
        assertTrue(said.contains(message) && said.contains("本次操作未生效"), command + ": " + said);
        assertEquals(before, snapshot(t), command);
    }

    static Stream<Arguments> badTelegramInput() {
        return Stream.of(
                Arguments.of("/extend 0 理由", "1 到 30"),
                Arguments.of("/extend 31 理由", "1 到 30"),
                Arguments.of("/extend 2147483647 理由", "1 到 30"),
                Arguments.of("/extend 99999999999999 理由", "1 到 30"),
                Arguments.of("/extend abc 理由", "1 到 30"),
                Arguments.of("/extend 5", "写明理由"),
                Arguments.of("/decline court", "写明理由"),
                Arguments.of("/decline nowhere 理由", "court"),
                Arguments.of("/resolve", "写上内容"),
                Arguments.of("/note", "写上内容"));
    }

    /** A button names its case; pressed in another case's topic (a forged callback) it does nothing. */
    @ParameterizedTest(name = "button of another topic: {0}")
    @MethodSource("buttons")
    void aButtonWorksOnlyInItsOwnCasesTopic(String action) {
        String pressed = caseIn(CaseState.DISPATCHED, false);
        String other = caseIn(CaseState.DISPATCHED, false);
        Address otherTopic = Address.of("telegram", TOPIC_CHAT).inThread(String.valueOf(threads.incrementAndGet()));
        work.topicOpened(other, otherTopic);
        work.topicOpened(pressed, Address.of("telegram", TOPIC_CHAT).inThread(String.valueOf(threads.incrementAndGet())));
        Snapshot before = snapshot(pressed);
        Snapshot otherBefore = snapshot(other);
        Inbound m = Inbound.button("tg:x" + updates.incrementAndGet(), otherTopic, new Person("21", "督办", "zh"),
                action.formatted(pressed), "1", "cb");
        List<Outbound> replies = forum.handle(m, null).replies();
        assertEquals(1, replies.size());
        assertEquals(otherTopic, replies.get(0).to());
        assertTrue(replies.get(0).text().plainText().contains("不属于本话题的案件"), replies.get(0).text().plainText());
        assertEquals(before, snapshot(pressed));
        assertEquals(otherBefore, snapshot(other));
    }

    static Stream<String> buttons() {
        return Stream.of("case:claim:%s", "case:contact:%s", "case:transfer:%s", "case:to:%s:market",
                "case:resolve:%s");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(Act act, String t) {
        String base = "/staff/api/cases/" + t;
        return switch (act) {
            case SEE -> get(base);
            case SEE_CONTACT -> json(base + "/contact", "{}");
            case SEE_CONTACT_CONFIDENTIAL -> json(base + "/contact", "{\"text\":\"企业要求回电\"}");
            case CLAIM -> json(base + "/claim", "{}");
            case RELAY -> json(base + "/message", "{\"text\":\"您好，请提供合同\"}");
            case NOTE -> json(base + "/note", "{\"text\":\"内部备注\"}");
            case RESOLVE -> json(base + "/resolve", "{\"text\":\"已办理完毕\"}");
            case RETURN -> json(base + "/return", "{\"text\":\"不属于本单位职责\"}");
            case TRANSFER -> json(base + "/transfer", "{\"unit\":\"market\"}");
            case EXTEND -> json(base + "/extend", "{\"days\":5,\"text\":\"需要补充材料\"}");
            case DECLINE -> json(base + "/decline", "{\"route\":\"court\",\"text\":\"属于司法程序\"}");
        };
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(String url,
            String body) {
        return post(url).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static Inbound telegramMessage(Who who, Act act, String t, Address topic) {
        Person p = new Person(who.telegram, who.name(), "zh");
        String id = "tg:m" + updates.incrementAndGet();
        return switch (act) {
            case CLAIM -> Inbound.button(id, topic, p, "case:claim:" + t, "1", "cb");
            case SEE_CONTACT -> Inbound.button(id, topic, p, "case:contact:" + t, "1", "cb");
            case SEE_CONTACT_CONFIDENTIAL -> Inbound.text(id, topic, p, "/contact 企业要求回电");
            case RELAY -> Inbound.text(id, topic, p, "您好，请提供合同");
            case NOTE -> Inbound.text(id, topic, p, "/note 内部备注");
            case RESOLVE -> Inbound.text(id, topic, p, "/resolve 已办理完毕");
            case RETURN -> Inbound.text(id, topic, p, "/return 不属于本单位职责");
            case TRANSFER -> Inbound.text(id, topic, p, "/transfer market");
            case EXTEND -> Inbound.text(id, topic, p, "/extend 5 需要补充材料");
            case DECLINE -> Inbound.text(id, topic, p, "/decline court 属于司法程序");
            case SEE -> throw new IllegalArgumentException("no see in the forum");
        };
    }

    /** A fresh case of unit iit in the state, moved there the way staff and the owner would. */
    String caseIn(CaseState state, boolean confidential) {
        Address owner = Address.of("telegram", String.valueOf(700_000 + updates.incrementAndGet()));
        String t = desk.open(new CaseRequest(UUID.randomUUID().toString(), owner, "zh", CaseRequest.Kind.COMPLAINT,
                "payment", "工程款拖欠半年未付", List.of(), "奎文区", "某某科技有限公司", "91370700MA3C00000X", "张三",
                "13800000000", confidential, List.of())).trackingNumber();
        var holder = accounts.find(Who.HOLDER.username).orElseThrow().actor();
        var sup = accounts.find(Who.SUPERVISOR.username).orElseThrow().actor();
        switch (state) {
            case DISPATCHED -> { }
            case CLAIMED -> work.claim(t, holder, null);
            case RETURNED -> work.giveBack(t, holder, "不属于本单位", null);
            case DECLINED -> work.decline(t, sup, CaseWork.DeclineRoute.COURT, "属于司法程序", null, true);
            case REPLIED, CLOSED, REOPENED -> {
                work.claim(t, holder, null);
                work.resolve(t, holder, "已办理", null);
                if (state == CaseState.CLOSED) {
                    desk.rate(t, owner, CaseDesk.Rating.SATISFIED, null);
                } else if (state == CaseState.REOPENED) {
                    desk.notSolved(t, owner, "还没解决");
                }
            }
            default -> throw new IllegalArgumentException(state.name());
        }
        assertEquals(state, work.get(t).orElseThrow().state(), "set-up of " + t);
        return t;
    }

    record Snapshot(Map<String, String> hash, long events) {
    }

    Snapshot snapshot(String t) {
        return new Snapshot(redis.jedis().hgetAll(redis.key("case:" + t)),
                redis.jedis().xlen(redis.key("case:" + t + ":events")));
    }

    /** The accounts, with the roles the document names. */
    static Set<StaffRole> roles(StaffRole... r) {
        return Set.of(r);
    }
}
