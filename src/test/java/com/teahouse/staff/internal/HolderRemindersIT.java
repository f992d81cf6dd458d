package com.teahouse.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.staff.StaffRole;
import com.teahouse.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A reply deadline coming near, fired by the real deadline scheduler as the clock moves: the holder hears it
 * privately on Telegram (their linked account) and in the console's navigation, once, even if the item fires
 * again; a colleague who does not hold the case gets nothing.
 */
@SpringBootTest(properties = {"teahouse.telegram.staff-chat-id=-100500", "teahouse.cases.poll-interval=100ms"})
@AutoConfigureMockMvc
@Import({StaffTestBeans.CapturedTelegram.class, StaffTestBeans.MovableClock.class})
class HolderRemindersIT {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "reminders-it");
    }

    @Autowired
    CapturingTelegram telegram;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWork work;
    @Autowired
    AccountStore accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;

    @Test
    void theHolderIsRemindedPrivatelyBeforeTheReplyDeadline() throws Exception {
        accounts.create(new Account("r-holder", "x", Set.of(StaffRole.STAFF), "iit", "吴专员", "A07", null));
        accounts.linkTelegram("r-holder", "6101");
        accounts.create(new Account("r-mate", "x", Set.of(StaffRole.STAFF), "iit", "郑专员", null, null));
        accounts.linkTelegram("r-mate", "6102");
        String t = desk.open(new CaseRequest(UUID.randomUUID().toString(), Address.of("telegram", "6199"), "zh",
                CaseRequest.Kind.COMPLAINT, "payment", "工程款拖欠半年未付", List.of(), "奎文区", "某公司", null,
                "张三", "13800000000", false, List.of())).trackingNumber();
        await().atMost(Duration.ofSeconds(20)).until(() -> work.get(t).orElseThrow().state().id().equals("dispatched"));
        Account holder = accounts.find("r-holder").orElseThrow();
        assertThat(work.claim(t, holder.actor(), null).done()).isTrue();

        var replyDue = work.get(t).orElseThrow().replyDue();
        clock.set(replyDue.minus(Duration.ofHours(20)));
        Address holderChat = Address.of("telegram", "6101");
        telegram.await(CapturingTelegram.to(holderChat, t));
        await().atMost(Duration.ofSeconds(20)).until(() -> body("r-holder").contains("\"tracking\":\"" + t + "\""));
        assertThat(body("r-holder")).contains("\"which\":\"reply\"");
        assertThat(body("r-mate")).doesNotContain(t);
        assertThat(telegram.sent).noneMatch(o -> o.to().equals(Address.of("telegram", "6102")));
        assertThat(telegram.sent.stream().filter(o -> o.to().equals(holderChat))).hasSize(1);
    }

    private String body(String who) throws Exception {
        return mvc.perform(get("/staff/api/nav").with(user(who))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
