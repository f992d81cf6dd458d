package com.teahouse.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.staff.StaffRole;
import com.teahouse.store.RedisStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 并单 through the console API on a real redis-server: candidates of three complaints about one unpaid invoice,
 * merge and unmerge, and every refusal the issue lists, each with a clear 4xx and nothing changed.
 */
@SpringBootTest(properties = "teahouse.cases.poll-interval=1h")
@AutoConfigureMockMvc
@Import(StaffTestBeans.CapturedTelegram.class)
class MergeApiIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "merge-it");
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
    RedisStore redis;

    @BeforeEach
    void accounts() {
        create("g-sup", Set.of(StaffRole.SUPERVISOR), null);
        create("g-staff", Set.of(StaffRole.STAFF), "iit");
        create("g-tax", Set.of(StaffRole.STAFF), "tax");
    }

    private void create(String username, Set<StaffRole> roles, String unit) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new Account(username, "x", roles, unit, username, null, null));
        }
    }

    static String open(CaseDesk desk, String category, String company, String text, String district) {
        return desk.open(new CaseRequest(UUID.randomUUID().toString(), Address.of("telegram", "m" + UUID.randomUUID()),
                "zh", CaseRequest.Kind.COMPLAINT, category, text, List.of(), district, company, null, "张三",
                "13800000000", false, List.of())).trackingNumber();
    }

    /** Three complaints about one unpaid invoice, in different words, from three people of one company. */
    static List<String> invoiceGroup(CaseDesk desk, String district) {
        return List.of(
                open(desk, "payment", "潍坊恒达建筑工程有限公司",
                        "2025年3月我们为城管局完成了道路修缮工程，尾款120万元至今未付，多次催要无果。", district),
                open(desk, "payment", "潍坊恒达建筑工程有限公司",
                        "城管局拖欠我公司道路修缮工程尾款一百二十万，工程早已验收，财务说没钱一直拖着。", district),
                open(desk, "payment", "恒达建筑工程有限公司",
                        "我们是恒达建筑的项目经理，城管局的道路修缮工程尾款120万元拖了快一年，工人工资都发不出来。", district));
    }

    @Test
    void theSameInvoiceIsSuggestedAsOneGroupAndMerged() throws Exception {
        List<String> g = invoiceGroup(desk, "坊子区");
        JsonNode similar = getJson("/staff/api/cases/" + g.get(2) + "/similar", "g-staff");
        assertThat(similar.path("items").findValuesAsText("tracking")).containsExactlyInAnyOrder(g.get(0), g.get(1));
        assertThat(similar.path("items").get(0).path("reason").asText()).contains("同一企业");
        // the reasons follow the console's language switch, as the rest of the page does
        MvcResult en = call(get("/staff/api/cases/" + g.get(2) + "/similar")
                .cookie(new jakarta.servlet.http.Cookie(CaseRows.LANGUAGE_COOKIE, "en")), "g-staff");
        assertThat(JSON.readTree(en.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("items").get(0)
                .path("reason").asText()).contains("same company").doesNotContain("同一企业");
        assertThat(getJson("/staff/api/similar", "g-sup").path("items").findValuesAsText("a")).isNotEmpty();
        assertThat(call(get("/staff/api/similar"), "g-staff").getResponse().getStatus()).isEqualTo(403);

        assertThat(merge(g.get(1), g.get(0), "g-sup").getResponse().getStatus()).isEqualTo(200);
        assertThat(merge(g.get(2), g.get(0), "g-sup").getResponse().getStatus()).isEqualTo(200);
        assertThat(work.get(g.get(1)).orElseThrow().state()).isEqualTo(CaseState.MERGED);
        JsonNode onA = getJson("/staff/api/cases/" + g.get(0) + "/similar", "g-sup");
        assertThat(onA.path("group").findValuesAsText("")).isEmpty();
        assertThat(onA.path("group").toString()).contains(g.get(1), g.get(2));
        assertThat(onA.path("items")).isEmpty();
        assertThat(work.history(g.get(1))).anyMatch(e -> e.type().equals("merge") && "web:g-sup".equals(e.who()));
        assertThat(work.history(g.get(0))).anyMatch(e -> e.type().equals("merge-in") && g.get(1).equals(e.note()));

        assertThat(call(post("/staff/api/cases/" + g.get(2) + "/unmerge"), "g-sup").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(work.get(g.get(2)).orElseThrow().state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(work.history(g.get(2))).anyMatch(e -> e.type().equals("unmerge"));
    }

    @Test
    void refusalsSayWhyAndChangeNothing() throws Exception {
        List<String> g = invoiceGroup(desk, "寒亭区");
        String b = g.get(1);
        String other = open(desk, "tax", "另一家公司", "留抵退税三个月未到账。", "寒亭区");
        String closed = open(desk, "payment", "某公司", "货款未付。", "寒亭区");
        work.claim(closed, new Actor("web:g-sup", "g-sup"), null);
        work.resolve(closed, new Actor("web:g-sup", "g-sup"), "已付", null);
        String declined = open(desk, "payment", "某公司", "货款未付。", "寒亭区");
        work.decline(declined, Actor.SYSTEM, CaseWork.DeclineRoute.COURT, "诉讼中", null, true);
        Map<String, String> before = redis.jedis().hgetAll(redis.key("case:" + b));
        long events = redis.jedis().xlen(redis.key("case:" + b + ":events"));

        refused(merge(b, b, "g-sup"), 400, "不能并入案件本身");
        refused(merge(b, closed, "g-sup"), 409, "不能并入");
        refused(merge(b, declined, "g-sup"), 409, "不予受理");
        refused(merge(b, "QY-000000-0000-0", "g-sup"), 404, "没有找到");
        assertThat(merge(b, g.get(0), "g-tax").getResponse().getStatus()).isEqualTo(404);
        refused(merge(b, g.get(0), "g-staff"), 403, "接单人或督办人员");
        refused(call(post("/staff/api/cases/" + b + "/unmerge"), "g-sup"), 409, "不能执行");
        assertThat(redis.jedis().hgetAll(redis.key("case:" + b))).isEqualTo(before);
        assertThat(redis.jedis().xlen(redis.key("case:" + b + ":events"))).isEqualTo(events);

        // the holder of B may merge within the category; another category needs a supervisor
        work.claim(b, new Actor("web:g-staff", "g-staff"), null);
        before = redis.jedis().hgetAll(redis.key("case:" + b));
        refused(merge(b, other, "g-staff"), 404, "没有找到"); // another unit's case: as if it did not exist
        assertThat(redis.jedis().hgetAll(redis.key("case:" + b))).isEqualTo(before);
        String otherCategory = open(desk, "fees", "潍坊恒达建筑工程有限公司", "乱收费", "寒亭区");
        work.reroute(otherCategory, Actor.SYSTEM, "iit", null); // another category in the holder's unit
        refused(merge(b, otherCategory, "g-staff"), 403, "其他类别");
        assertThat(merge(b, g.get(0), "g-staff").getResponse().getStatus()).isEqualTo(200);
        refused(merge(g.get(2), b, "g-sup"), 409, "已并单");
        refused(merge(g.get(0), otherCategory, "g-sup"), 409, "已有其他案件并入");

        // a merged case can be unmerged until its target is resolved
        work.claim(g.get(0), new Actor("web:g-sup", "g-sup"), null);
        work.resolve(g.get(0), new Actor("web:g-sup", "g-sup"), "已协调支付", null);
        // the group follows A from the notices stream, once its entry is delivered
        org.awaitility.Awaitility.await().until(() -> work.get(b).orElseThrow().state() == CaseState.REPLIED);
    }

    @Test
    void aDismissedCandidateIsGoneAndLogged() throws Exception {
        List<String> g = invoiceGroup(desk, "奎文区");
        MvcResult r = call(post("/staff/api/cases/" + g.get(0) + "/similar/" + g.get(1) + "/dismiss"), "g-staff");
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(getJson("/staff/api/cases/" + g.get(0) + "/similar", "g-staff").path("items")
                .findValuesAsText("tracking")).doesNotContain(g.get(1));
        assertThat(work.history(g.get(0))).anyMatch(e -> e.type().equals("similar-dismiss")
                && "web:g-staff".equals(e.who()) && g.get(1).equals(e.note()));
        assertThat(work.history(g.get(1))).anyMatch(e -> e.type().equals("similar-dismiss"));
    }

    private MvcResult merge(String b, String into, String who) throws Exception {
        return call(post("/staff/api/cases/" + b + "/merge").contentType(MediaType.APPLICATION_JSON)
                .content("{\"into\":\"" + into + "\"}"), who);
    }

    private MvcResult call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req,
            String who) throws Exception {
        return mvc.perform(req.with(user(who)).with(csrf())).andReturn();
    }

    private JsonNode getJson(String path, String who) throws Exception {
        MvcResult r = call(get(path), who);
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static void refused(MvcResult r, int status, String says) throws Exception {
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
        assertThat(body).contains(says);
    }
}
