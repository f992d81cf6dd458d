package com.teahouse.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.CaseWork.Outcome.Problem;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Person;
import com.teahouse.staff.StaffRole;
import com.teahouse.store.RedisStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * F7: decline (不予受理) checks the holder in the same atomic change as the write. Between the policy's yes and
 * the write, the case is re-routed or claimed by someone else (the hook below runs exactly there, in the
 * console's and the forum's own call to {@link CaseWork#decline}): the decline is refused, nothing changes, and
 * both say the policy's own refusal of a non-holder.
 */
@SpringBootTest(properties = {"teahouse.cases.poll-interval=1h"})
@AutoConfigureMockMvc
@Import({StaffTestBeans.CapturedTelegram.class, DeclineRaceIT.Racing.class})
class DeclineRaceIT {

    static final String NOT_HOLDER = "只有接单人或督办人员";
    static final AtomicReference<Runnable> BEFORE_DECLINE = new AtomicReference<>(() -> { });
    static final AtomicInteger updates = new AtomicInteger();

    /** The real CaseWork, with {@link #BEFORE_DECLINE} run just before each decline is written. */
    @TestConfiguration
    static class Racing {
        @Bean
        @Primary
        CaseWork racingWork(@Qualifier("staffDesk") CaseWork real) {
            return (CaseWork) Proxy.newProxyInstance(CaseWork.class.getClassLoader(), new Class<?>[] {CaseWork.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("decline") && args.length == 6) {
                            BEFORE_DECLINE.get().run();
                        }
                        try {
                            return method.isDefault() ? java.lang.reflect.InvocationHandler.invokeDefault(proxy,
                                    method, args) : method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "decline-race-it");
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

    final Actor supervisor = new Actor("web:r-sup", "督办");

    @BeforeEach
    void accounts() {
        account("r-holder", "41");
        account("r-colleague", "42");
    }

    @AfterEach
    void noHook() {
        BEFORE_DECLINE.set(() -> { });
    }

    @Test
    void consoleDeclineOfACaseReroutedMeanwhileIsRefused() throws Exception {
        String t = claimedBy("r-holder");
        BEFORE_DECLINE.set(() -> work.reroute(t, supervisor, "iit", null));
        MvcResult r = mvc.perform(post("/staff/api/cases/" + t + "/decline").contentType(MediaType.APPLICATION_JSON)
                .content("{\"route\":\"court\",\"text\":\"属于司法程序\"}").with(user("r-holder")).with(csrf()))
                .andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertEquals(403, r.getResponse().getStatus(), body);
        assertTrue(body.contains(NOT_HOLDER) && body.contains("本次操作未生效"), body);
        assertEquals(CaseState.DISPATCHED, work.get(t).orElseThrow().state());
        assertNoDecline(t);
    }

    @Test
    void forumDeclineOfACaseAColleagueClaimedMeanwhileIsRefused() {
        String t = claimedBy("r-holder");
        Address topic = Address.of("telegram", "-100888").inThread(String.valueOf(6000 + updates.incrementAndGet()));
        work.topicOpened(t, topic);
        BEFORE_DECLINE.set(() -> {
            work.reroute(t, supervisor, "iit", null);
            work.claim(t, actor("r-colleague"), null);
        });
        Inbound m = Inbound.text("tg:d" + updates.incrementAndGet(), topic, new Person("41", "r-holder", "zh"),
                "/decline court 属于司法程序");
        String said = String.join("\n", forum.handle(m, null).replies().stream().filter(o -> o.text() != null)
                .map(o -> o.text().plainText()).toList());
        assertTrue(said.contains(NOT_HOLDER) && said.contains("本次操作未生效"), said);
        CaseRecord c = work.get(t).orElseThrow();
        assertEquals(CaseState.CLAIMED, c.state());
        assertEquals(actor("r-colleague").id(), c.claimedBy());
        assertNoDecline(t);
    }

    @Test
    void theAtomicCheckItself() {
        String t = claimedBy("r-holder");
        var colleague = work.decline(t, actor("r-colleague"), CaseWork.DeclineRoute.COURT, "x", null);
        assertEquals(Problem.NOT_HOLDER, colleague.problem());
        work.reroute(t, supervisor, "iit", null);
        var unclaimed = work.decline(t, actor("r-holder"), CaseWork.DeclineRoute.COURT, "x", null);
        assertEquals(Problem.NOT_HOLDER, unclaimed.problem(), "nobody holds it now: not the former holder either");
        assertNoDecline(t);
        assertTrue(work.decline(t, supervisor, CaseWork.DeclineRoute.COURT, "属于司法程序", null, true).done(),
                "a supervisor declines a dispatched case");
        String mine = claimedBy("r-holder");
        assertTrue(work.decline(mine, actor("r-holder"), CaseWork.DeclineRoute.PETITION, "信访", null).done());
        String returned = claimedBy("r-holder");
        work.giveBack(returned, actor("r-holder"), "不属于本单位", null);
        var late = work.decline(returned, supervisor, CaseWork.DeclineRoute.COURT, "x", null, true);
        assertFalse(late.done(), "returned: not a state to decline from (case-permissions.md)");
        assertEquals(CaseState.RETURNED, work.get(returned).orElseThrow().state());
    }

    private void assertNoDecline(String t) {
        assertTrue(work.history(t).stream().noneMatch(e -> e.type().equals("decline")), t);
        assertFalse(redis.jedis().hexists(redis.key("case:" + t), "declineRoute"));
    }

    private String claimedBy(String username) {
        String t = desk.open(new CaseRequest(UUID.randomUUID().toString(), Address.of("telegram",
                String.valueOf(800_000 + updates.incrementAndGet())), "zh", CaseRequest.Kind.COMPLAINT, "payment",
                "工程款拖欠半年未付", List.of(), "奎文区", "某某科技有限公司", "91370700MA3C00000X", "张三", "13800000000",
                false, List.of())).trackingNumber();
        assertTrue(work.claim(t, actor(username), null).done());
        return t;
    }

    private Actor actor(String username) {
        return accounts.find(username).orElseThrow().actor();
    }

    private void account(String username, String telegram) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new Account(username, "x", Set.of(StaffRole.STAFF), "iit", username, null, null));
            accounts.linkTelegram(username, telegram);
        }
    }
}
