package com.teahouse.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.teahouse.staff.StaffRole;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** Canned replies: supervisors keep them (with the CSRF token), everyone handling cases reads them, bad input changes nothing. */
@SpringBootTest(properties = "teahouse.cases.poll-interval=1h")
@AutoConfigureMockMvc
class CannedRepliesIT {

    static final String REPLY = "{\"category\":\"payment\",\"title\":\"已转财政\",\"text\":\"已转市财政局协调。\"}";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "canned-it");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountStore accounts;
    @Autowired
    CannedReplies canned;

    @BeforeEach
    void accounts() {
        for (var a : List.of(new Account("k-staff", "x", Set.of(StaffRole.STAFF), "iit", "员", null, null),
                new Account("k-sup", "x", Set.of(StaffRole.SUPERVISOR), null, "督", null, null),
                new Account("k-admin", "x", Set.of(StaffRole.ADMIN), null, "管", null, null))) {
            if (accounts.find(a.username()).isEmpty()) {
                accounts.create(a);
            }
        }
    }

    @Test
    void supervisorsKeepThemAndEveryoneHandlingCasesUsesThem() throws Exception {
        MvcResult made = run(post("/staff/api/canned").with(user("k-sup")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(REPLY));
        assertThat(made.getResponse().getStatus()).isEqualTo(201);
        String id = json(made).get("item").get("id").asText();

        JsonNode list = json(run(get("/staff/api/canned").param("category", "payment").with(user("k-staff"))));
        assertThat(list.get("items").get(0).get("text").asText()).isEqualTo("已转市财政局协调。");
        assertThat(json(run(get("/staff/api/canned").param("category", "fees").with(user("k-staff"))))
                .get("items")).isEmpty();
        assertThat(run(get("/staff/api/canned").with(user("k-admin"))).getResponse().getStatus()).isEqualTo(403);

        MvcResult byStaff = run(post("/staff/api/canned/" + id).with(user("k-staff")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(REPLY.replace("已转财政", "改")));
        assertThat(byStaff.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(byStaff)).contains("督办人员");
        assertThat(run(delete("/staff/api/canned/" + id).with(user("k-staff")).with(csrf())).getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(canned.get(id)).get().extracting(m -> m.get("title")).isEqualTo("已转财政");

        assertThat(run(post("/staff/api/canned/" + id).with(user("k-sup")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(REPLY.replace("已转财政", "已转市财政"))).getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(canned.get(id)).get().extracting(m -> m.get("title")).isEqualTo("已转市财政");
        assertThat(run(delete("/staff/api/canned/" + id).with(user("k-sup")).with(csrf())).getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(canned.get(id)).isEmpty();
    }

    @Test
    void withoutTheCsrfTokenNothingChanges() throws Exception {
        int before = canned.of(null).size();
        assertThat(run(post("/staff/api/canned").with(user("k-sup")).contentType(MediaType.APPLICATION_JSON)
                .content(REPLY)).getResponse().getStatus()).isEqualTo(403);
        assertThat(canned.of(null)).hasSize(before);
    }

    @Test
    void aBadReplyIsRefusedWithItsReason() throws Exception {
        int before = canned.of(null).size();
        for (String bad : List.of("{\"category\":\"nope\",\"title\":\"t\",\"text\":\"x\"}",
                "{\"category\":\"payment\",\"title\":\" \",\"text\":\"x\"}",
                "{\"category\":\"payment\",\"title\":\"t\",\"text\":\"" + "长".repeat(1001) + "\"}")) {
            MvcResult r = run(post("/staff/api/canned").with(user("k-sup")).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(bad));
            assertThat(r.getResponse().getStatus()).isEqualTo(400);
            assertThat(body(r)).contains("常用回复须有标题");
        }
        assertThat(canned.of(null)).hasSize(before);
    }

    private MvcResult run(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(MvcResult r) throws Exception {
        return ConsoleClient.JSON.readTree(body(r));
    }
}
