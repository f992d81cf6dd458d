package com.teahouse.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.teahouse.knowledge.DigestStore;
import com.teahouse.knowledge.PolicyDigest;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The editor API on one instance: bad input gets problems at their lines and leaves the digest serving unchanged;
 * role refusals; CSRF on every change; kb check as you type; the chat preview; expiry.
 */
class PolicyApiIT {

    static final String ADMIN_PASSWORD = "policy-admin-pass-2";
    static TestHotline app;
    static PolicyClient editor;
    static PolicyClient admin;
    static PolicyClient clerk;

    @BeforeAll
    static void start() throws Exception {
        app = TestHotline.start(Files.createTempDirectory("policy-api"), Map.of("teahouse.admin.password",
                ADMIN_PASSWORD, "teahouse.cases.poll-interval", "1h"));
        admin = new PolicyClient(app.port()).login("admin", ADMIN_PASSWORD);
        for (String[] account : List.of(new String[] {"policy-ed", "POLICY_EDITOR"},
                new String[] {"plain-clerk", "STAFF"})) {
            assertEquals(200, admin.post("/staff/api/admin/accounts", Map.of("username", account[0], "password",
                    account[0] + "-password-1", "roles", List.of(account[1]), "unit", "iit")).status());
        }
        editor = new PolicyClient(app.port()).login("policy-ed", "policy-ed-password-1");
        clerk = new PolicyClient(app.port()).login("plain-clerk", "plain-clerk-password-1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static PolicyClient.Answer publish(String id, String markdown, Integer version) {
        return editor.put("/policy/api/entries/" + id, version == null ? Map.of("markdown", markdown, "note", "t")
                : Map.of("markdown", markdown, "note", "t", "version", version));
    }

    static int lineWhereLengthPasses(String text, int chars) {
        int total = 0;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            total += lines.get(i).length() + 1;
            if (total > chars) {
                return i + 1;
            }
        }
        return -1;
    }

    static void assertProblemAt(PolicyClient.Answer answer, int line, String words) {
        assertEquals(422, answer.status(), answer.body());
        boolean found = false;
        for (JsonNode p : answer.json().get("problems")) {
            found |= p.get("line").asInt() == line && p.get("message").asText().contains(words);
        }
        assertTrue(found, "a problem at line " + line + " about '" + words + "': " + answer.body());
    }

    @Test
    void badInputGetsProblemsAtTheirLinesAndTheDigestKeepsServingUnchanged() {
        DigestStore store = app.bean(DigestStore.class);
        PolicyDigest digest = app.bean(PolicyDigest.class);
        long revision = store.publishedRevision();
        int size = digest.size();
        String before = digest.ask("镇上让每家企业出钱修路", "zh", 1).answer().orElseThrow().id();

        String good = PolicyEntries.drone();
        assertProblemAt(publish(PolicyEntries.ID, good.replace("articles: [35]", "articles: [99]"), 0), 14,
                "article 99 does not exist");
        assertProblemAt(publish(PolicyEntries.ID, good.replace("document: 优化营商环境条例", "document: 不存在的条例"), 0),
                13, "unknown source document");
        assertProblemAt(publish(PolicyEntries.ID, good.replace("zh: \"无人机航拍飞行许可\"",
                "zh: \"<script>alert(1)</script>\""), 0), 4, "HTML markup");
        assertProblemAt(publish(PolicyEntries.ID, good.replace("questions:\n  zh:", "questions:\n  zh: [\n"), 0), 9,
                "YAML");
        assertProblemAt(publish("apportionment-refuse", good.replace("id: " + PolicyEntries.ID,
                "id: apportionment-refuse"), 0), 2, "duplicate id");
        assertProblemAt(publish("another-id", good, 0), 2, "");
        String huge = good + "x".repeat(5 * 1024 * 1024);
        assertEquals(413, publish(PolicyEntries.ID, huge, 0).status());
        String long_ = good + ("很长的说明。".repeat(60) + "\n").repeat(100);
        assertProblemAt(publish(PolicyEntries.ID, long_, 0), lineWhereLengthPasses(long_, 32 * 1024), "longer than");

        assertEquals(revision, store.publishedRevision(), "nothing was written");
        assertEquals(size, digest.size());
        assertEquals(before, digest.ask("镇上让每家企业出钱修路", "zh", 1).answer().orElseThrow().id());
        assertEquals(404, editor.get("/policy/api/entries/" + PolicyEntries.ID).status());
    }

    @Test
    void rolesAndCsrf() {
        PolicyClient anonymous = new PolicyClient(app.port());
        assertEquals(401, anonymous.get("/policy/api/entries").status());
        // a change without a session has no CSRF token either: refused before authentication is looked at
        assertEquals(403, anonymous.write("PUT", "/policy/api/entries/x", Map.of("markdown", "x"), false).status());
        assertFalse(anonymous.page("/policy/entries").status() == 200);
        assertEquals(403, clerk.get("/policy/api/entries").status());
        assertEquals(403, clerk.page("/policy/edit?new=1").status());
        assertEquals(403, clerk.put("/policy/api/entries/" + PolicyEntries.ID,
                Map.of("markdown", PolicyEntries.drone())).status());
        assertEquals(200, editor.get("/policy/api/entries?q=摊派").status());
        assertEquals(200, admin.get("/policy/api/entries/apportionment-refuse").status());
        assertEquals(200, editor.page("/policy/edit?new=1").status());
        assertEquals(200, admin.page("/policy/entries").status());

        long revision = app.bean(DigestStore.class).publishedRevision();
        assertEquals(403, editor.write("PUT", "/policy/api/entries/" + PolicyEntries.ID,
                Map.of("markdown", PolicyEntries.drone(), "version", 0), false).status());
        assertEquals(403, editor.write("POST", "/policy/api/entries/apportionment-refuse/rollback",
                Map.of("version", 1), false).status());
        assertEquals(403, editor.write("DELETE", "/policy/api/entries/apportionment-refuse", null, false).status());
        assertEquals(revision, app.bean(DigestStore.class).publishedRevision());
    }

    @Test
    void searchFindsEntriesByIdTitleDocumentDepartmentAndTag() {
        for (String q : List.of("apportionment", "强制捐赠", "中小企业促进法", "市财政局", "levy")) {
            JsonNode items = editor.get("/policy/api/entries?q=" + PolicyClient.enc(q)).json().get("items");
            boolean found = false;
            for (JsonNode i : items) {
                found |= i.get("id").asText().equals("apportionment-refuse");
            }
            assertTrue(found, q);
        }
    }

    @Test
    void checkAsYouTypeAndThePreviewAsTheChatShowsIt() {
        JsonNode problems = editor.post("/policy/api/check", Map.of("id", PolicyEntries.ID, "markdown",
                PolicyEntries.drone().replace("articles: [35]", "articles: [99]"))).json().get("problems");
        assertEquals(14, problems.get(0).get("line").asInt(), problems.toString());
        assertEquals(0, editor.post("/policy/api/check", Map.of("id", PolicyEntries.ID, "markdown",
                PolicyEntries.drone())).json().get("problems").size());

        JsonNode preview = editor.post("/policy/api/preview", Map.of("markdown", PolicyEntries.drone())).json();
        assertEquals("无人机航拍飞行许可\n无人机航拍飞行许可可在政务服务中心一窗受理，材料齐全的当场受理。\n\n"
                + "依据：《优化营商环境条例》第35条（施行日期 2020-01-01）", preview.get("zh").get("text").asText());
        assertTrue(preview.get("zh").get("spans").get(0).get("bold").asBoolean());
        assertTrue(preview.get("en").get("text").asText().endsWith("《优化营商环境条例》 (Regulations on Optimizing "
                + "the Business Environment) Art. 35, in force since 2020-01-01"), preview.toString());
    }

    @Test
    void expiringAndExpiredEntriesAreListedAndExpiredOnesAreNeverAnswered() {
        LocalDate today = LocalDate.now();
        String soon = PolicyEntries.drone().replace("id: " + PolicyEntries.ID, "id: drone-soon")
                .replace("effective: 2020-01-01\n", "effective: 2020-01-01\nexpires: " + today.plusDays(10) + "\n");
        assertEquals(200, publish("drone-soon", soon, 0).status());
        String past = PolicyEntries.drone().replace("id: " + PolicyEntries.ID, "id: drone-past")
                .replace("effective: 2020-01-01\n", "effective: 2020-01-01\nexpires: " + today.minusDays(1) + "\n");
        var published = publish("drone-past", past, 0);
        assertEquals(200, published.status(), published.body());
        app.bean(DigestStore.class);
        org.awaitility.Awaitility.await().until(() -> app.bean(PolicyDigest.class).entries().stream()
                .anyMatch(e -> e.id().equals("drone-past")));
        JsonNode items = editor.get("/policy/api/expiring?days=30").json().get("items");
        assertEquals(2, items.size(), items.toString());
        assertTrue(items.toString().contains("\"id\":\"drone-past\"") && items.toString().contains("\"expired\":true"));
        assertTrue(app.bean(PolicyDigest.class).entry("drone-past", "zh").isEmpty());
        assertFalse(app.bean(PolicyDigest.class).ask(PolicyEntries.QUESTION, "zh", 5).results().stream()
                .anyMatch(h -> h.id().equals("drone-past")));
        assertEquals(200, editor.delete("/policy/api/entries/drone-soon").status());
        assertEquals(200, editor.delete("/policy/api/entries/drone-past").status());
    }
}
