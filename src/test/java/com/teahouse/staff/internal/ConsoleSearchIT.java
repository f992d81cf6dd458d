package com.teahouse.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.messaging.Address;
import com.teahouse.staff.StaffRole;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The console's search through the real security chain and a real redis-server: scoped by the case policy (a
 * unit sees its own cases only), confidential complainants' company and phone never searchable, phone search
 * for supervisors only and written to the audit stream.
 */
@SpringBootTest(properties = "teahouse.cases.poll-interval=1h")
@AutoConfigureMockMvc
class ConsoleSearchIT {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "search-it");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDesk desk;
    @Autowired
    AccountStore accounts;
    @Autowired
    AuditLog audit;

    String open;
    String secret;
    String fees;

    @BeforeEach
    void cases() {
        for (var a : List.of(new Account("s-iit", "x", Set.of(StaffRole.STAFF), "iit", "工信员", null, null),
                new Account("s-ndrc", "x", Set.of(StaffRole.STAFF), "ndrc", "发改员", null, null),
                new Account("s-sup", "x", Set.of(StaffRole.SUPERVISOR), null, "督办员", null, null),
                new Account("s-admin", "x", Set.of(StaffRole.ADMIN), null, "管理员", null, null))) {
            if (accounts.find(a.username()).isEmpty()) {
                accounts.create(a);
            }
        }
        open = complaint("payment", "潍坊星河机械有限公司", "13811112222", false,
                "工程款拖欠半年未付，催要多次无果");
        secret = complaint("payment", "隐秘精工有限公司", "13933334444", true, "保证金一直不退还");
        fees = complaint("fees", "城东物流有限公司", "13755556666", false, "被要求缴纳不合理的检测费");
    }

    @Test
    void descriptionCompanyAndCategoryAreFoundWithinTheUnit() throws Exception {
        assertThat(numbers(search("s-iit", "拖欠半年"))).contains(open).doesNotContain(secret, fees);
        assertThat(numbers(search("s-iit", "星河机械"))).contains(open);
        assertThat(numbers(search("s-iit", "保证金"))).contains(secret);
        assertThat(numbers(search("s-iit", "拖欠账款"))).contains(open, secret).doesNotContain(fees);
        assertThat(numbers(search("s-iit", open.substring(0, 9)))).contains(open);
        assertThat(numbers(search("s-iit", open.toLowerCase()))).containsExactly(open);
    }

    @Test
    void staffOfAnotherUnitSeeNothingOfIt() throws Exception {
        assertThat(numbers(search("s-ndrc", "拖欠半年"))).isEmpty();
        assertThat(numbers(search("s-ndrc", open))).isEmpty();
        assertThat(numbers(search("s-ndrc", "检测费"))).contains(fees);
        assertThat(mvc.perform(get("/staff/api/search").param("q", "拖欠").with(user("s-admin"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aConfidentialComplainantsCompanyAndPhoneAreNeverFound() throws Exception {
        assertThat(numbers(search("s-iit", "隐秘精工"))).isEmpty();
        assertThat(numbers(search("s-sup", "隐秘精工"))).isEmpty();
        assertThat(numbers(search("s-sup", "13933334444"))).isEmpty();
        assertThat(body(search("s-iit", "保证金"))).doesNotContain("隐秘精工", "13933334444");
    }

    @Test
    void phoneSearchIsRefusedToStaffAndRecordedForSupervisors() throws Exception {
        MvcResult refused = search("s-iit", "138 1111 2222");
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(refused)).contains("仅限督办人员");
        assertThat(audit.latest(50)).noneMatch(e -> "s-iit".equals(e.get("who")));

        MvcResult found = search("s-sup", "+86 138-1111-2222");
        assertThat(found.getResponse().getStatus()).isEqualTo(200);
        assertThat(numbers(found)).containsExactly(open);
        Map<String, String> entry = audit.latest(50).stream().filter(e -> "phone-search".equals(e.get("action")))
                .findFirst().orElseThrow();
        assertThat(entry.get("who")).isEqualTo("s-sup");
        assertThat(entry.get("detail")).contains("138****2222").doesNotContain("13811112222");
        assertThat(body(found)).doesNotContain("13811112222");
    }

    @Test
    void atMostTwentyRowsAndAMarkerWhenThereAreMore() throws Exception {
        // a category no other test searches for: these 21 cases must not crowd the other tests' rows
        String word = "批次" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < ConsoleSearch.LIMIT + 1; i++) {
            complaint("talent", "公司" + i, "1380000" + String.format("%04d", i), false, word + " 材料" + i);
        }
        MvcResult many = search("s-sup", word);
        assertThat(numbers(many)).hasSize(ConsoleSearch.LIMIT).doesNotHaveDuplicates();
        assertThat(ConsoleClient.JSON.readTree(body(many)).get("more").asBoolean()).isTrue();
        MvcResult one = search("s-sup", "拖欠半年");
        assertThat(ConsoleClient.JSON.readTree(body(one)).get("more").asBoolean()).isFalse();
    }

    @Test
    void anEmptyQueryIsABadRequest() throws Exception {
        assertThat(search("s-iit", "  ").getResponse().getStatus()).isEqualTo(400);
    }

    private String complaint(String category, String company, String phone, boolean confidential, String text) {
        return desk.open(new CaseRequest(UUID.randomUUID().toString(), Address.of("web", "w-" + UUID.randomUUID()),
                "zh", CaseRequest.Kind.COMPLAINT, category, text, List.of(), "奎文区", company, null, "张三", phone,
                confidential, List.of())).trackingNumber();
    }

    private MvcResult search(String who, String q) throws Exception {
        return mvc.perform(get("/staff/api/search").param("q", q).with(user(who))).andReturn();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> numbers(MvcResult r) throws Exception {
        JsonNode items = ConsoleClient.JSON.readTree(body(r)).get("items");
        List<String> out = new ArrayList<>();
        if (items != null) {
            items.forEach(i -> out.add(i.get("tracking").asText()));
        }
        return out;
    }
}
