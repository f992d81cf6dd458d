package com.teahouse.policy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.teahouse.knowledge.DigestAnswer;
import com.teahouse.knowledge.DigestStore;
import com.teahouse.knowledge.KbCheckCommand;
import com.teahouse.knowledge.KbExportCommand;
import com.teahouse.knowledge.PolicyDigest;
import com.teahouse.store.internal.EmbeddedRedis;
import com.teahouse.testsupport.TestApps;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one real redis-server: what one publishes the other serves within 5 s; conflicts, rollback,
 * withdrawal and history; a restart serves what was published, not the repository's files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishAcrossInstancesIT {

    static final String ADMIN_PASSWORD = "policy-admin-pass-1";
    // correctness only: how fast a publish is served is measured by DigestPublishBench, not asserted here
    static final Duration WITHIN = Duration.ofSeconds(60);
    static EmbeddedRedis redis;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static PolicyClient editor;

    static ConfigurableApplicationContext start() throws Exception {
        return TestApps.start(Files.createTempDirectory("policy"), redis.url(), null,
                Map.of("teahouse.admin.password", ADMIN_PASSWORD));
    }

    static int port(ConfigurableApplicationContext ctx) {
        return ((ServletWebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @BeforeAll
    static void startBoth() throws Exception {
        redis = EmbeddedRedis.start(Files.createTempDirectory("policy-redis"));
        a = start();
        b = start();
        PolicyClient admin = new PolicyClient(port(a)).login("admin", ADMIN_PASSWORD);
        for (String[] account : List.of(new String[] {"policy-ed", "POLICY_EDITOR"},
                new String[] {"plain-clerk", "STAFF"})) {
            assertEquals(200, admin.post("/staff/api/admin/accounts", Map.of("username", account[0], "password",
                    account[0] + "-password-1", "roles", List.of(account[1]), "unit", "iit")).status());
        }
        editor = new PolicyClient(port(a)).login("policy-ed", "policy-ed-password-1");
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        redis.close();
    }

    static String top(ConfigurableApplicationContext ctx, String question) {
        DigestAnswer answer = ctx.getBean(PolicyDigest.class).ask(question, "zh", 3);
        return answer.answer().map(h -> h.id()).orElse("");
    }

    @Test
    @Order(1)
    void theRepositoryDigestSeedsTheStoreOnceAndBothInstancesServeIt() {
        JsonNode one = editor.get("/policy/api/entries/apportionment-refuse").json();
        assertEquals(1, one.get("version").asInt());
        assertTrue(one.get("markdown").asText().startsWith("---\nid: apportionment-refuse"));
        assertEquals(a.getBean(PolicyDigest.class).size(), b.getBean(PolicyDigest.class).size());
        assertEquals("", top(b, PolicyEntries.QUESTION), "the shipped digest does not answer the drone question");
    }

    @Test
    @Order(2)
    void publishOnOneIsServedByTheOtherWithinSeconds() {
        var put = editor.put("/policy/api/entries/" + PolicyEntries.ID,
                Map.of("markdown", PolicyEntries.drone(), "note", "new entry", "version", 0));
        assertEquals(200, put.status(), put.body());
        assertEquals(1, put.json().get("version").asInt());
        await().atMost(WITHIN).until(() -> top(b, PolicyEntries.QUESTION).equals(PolicyEntries.ID));
        await().atMost(WITHIN).until(() -> top(a, PolicyEntries.QUESTION).equals(PolicyEntries.ID));

        JsonNode history = editor.get("/policy/api/entries/" + PolicyEntries.ID + "/history").json();
        assertEquals("policy-ed", history.get("versions").get(0).get("author").asText());
        assertEquals("new entry", history.get("versions").get(0).get("note").asText());
    }

    @Test
    @Order(3)
    void aStaleVersionIsAConflictAndChangesNothing() {
        var second = editor.put("/policy/api/entries/" + PolicyEntries.ID,
                Map.of("markdown", PolicyEntries.drone("无人机航拍飞行许可办理", "35", ""), "note", "title", "version", 1));
        assertEquals(200, second.status(), second.body());
        var stale = editor.put("/policy/api/entries/" + PolicyEntries.ID,
                Map.of("markdown", PolicyEntries.drone("过时的标题", "35", ""), "note", "stale", "version", 1));
        assertEquals(409, stale.status());
        assertEquals(2, editor.get("/policy/api/entries/" + PolicyEntries.ID).json().get("version").asInt());
        await().atMost(WITHIN).until(() -> b.getBean(PolicyDigest.class).entry(PolicyEntries.ID, "zh")
                .map(h -> h.title().equals("无人机航拍飞行许可办理")).orElse(false));
    }

    @Test
    @Order(4)
    void diffAndRollbackMakeANewVersion() {
        JsonNode diff = editor.get("/policy/api/versions/diff?id=" + PolicyEntries.ID + "&from=1&to=2").json();
        assertTrue(diff.get("diff").toString().contains("+  zh: \\\"无人机航拍飞行许可办理\\\""), diff.toString());
        var back = editor.post("/policy/api/entries/" + PolicyEntries.ID + "/rollback", Map.of("version", 1));
        assertEquals(200, back.status(), back.body());
        assertEquals(3, back.json().get("version").asInt());
        JsonNode versions = editor.get("/policy/api/entries/" + PolicyEntries.ID + "/history").json().get("versions");
        assertEquals("rollback", versions.get(2).get("action").asText());
        await().atMost(WITHIN).until(() -> b.getBean(PolicyDigest.class).entry(PolicyEntries.ID, "zh")
                .map(h -> h.title().equals("无人机航拍飞行许可")).orElse(false));
    }

    @Test
    @Order(5)
    void theExportHoldsThePublishedDigestAsKnowledgeFiles() throws Exception {
        var zip = editor.get("/policy/api/export");
        assertEquals(200, zip.status());
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(PolicyEntries.drone(), files.get("knowledge/entries/" + PolicyEntries.ID + ".md"));
        assertEquals(Files.readString(Path.of("knowledge/sources.yaml")), files.get("knowledge/sources.yaml"));
        Path out = Files.createTempDirectory("export").resolve("knowledge");
        var printed = new java.io.ByteArrayOutputStream();
        assertEquals(0, KbExportCommand.run(new String[] {out.toString(), "--redis-url", redis.url()},
                new java.io.PrintStream(printed, true, StandardCharsets.UTF_8), Map.of()), printed.toString());
        assertEquals(PolicyEntries.drone(), Files.readString(out.resolve("entries/" + PolicyEntries.ID + ".md")));
        assertEquals(0, KbCheckCommand.run(out, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8)),
                "the export passes kb check: " + printed);
    }

    @Test
    @Order(6)
    void withdrawalStopsTheAnswerEverywhereAndKeepsTheHistory() {
        var gone = editor.delete("/policy/api/entries/" + PolicyEntries.ID + "?note=withdrawn");
        assertEquals(200, gone.status(), gone.body());
        await().atMost(WITHIN).until(() -> top(b, PolicyEntries.QUESTION).isEmpty());
        assertEquals(404, editor.get("/policy/api/entries/" + PolicyEntries.ID).status());
        assertEquals(4, editor.get("/policy/api/entries/" + PolicyEntries.ID + "/history").json()
                .get("versions").size());
    }

    @Test
    @Order(7)
    void aRestartServesWhatWasPublishedNotTheRepositoryFiles() throws Exception {
        var syn = editor.get("/policy/api/synonyms").json();
        var put = editor.put("/policy/api/synonyms", Map.of("text", syn.get("text").asText() + "\n航拍, 空拍\n",
                "note", "aerial", "version", syn.get("version").asInt()));
        assertEquals(200, put.status(), put.body());
        var back = editor.post("/policy/api/entries/" + PolicyEntries.ID + "/rollback", Map.of("version", 2));
        assertEquals(200, back.status(), back.body());
        b.close();
        b = start();
        assertEquals(PolicyEntries.ID, top(b, PolicyEntries.QUESTION), "served at once after the restart");
        assertTrue(b.getBean(DigestStore.class).files().get(DigestStore.SYNONYMS).contains("航拍, 空拍"));
        assertFalse(Files.readString(Path.of("knowledge/synonyms.txt")).contains("航拍, 空拍"));
        assertEquals(2, editor.get("/policy/api/synonyms/history").json().get("versions").size());
    }

    @Test
    @Order(8)
    void everyChangeThatReachedTheDigestIsInTheStaffAuditAndRefusedOnesAreNot() throws Exception {
        PolicyClient admin = new PolicyClient(port(a)).login("admin", ADMIN_PASSWORD);
        String audit = admin.get("/staff/api/audit?limit=1000").body();
        String entry = DigestStore.entryPath(PolicyEntries.ID);
        for (String action : List.of("digest.publish", "digest.withdraw", "digest.rollback")) {
            assertTrue(audit.contains(action), action + " is audited: " + audit);
        }
        assertTrue(audit.contains(entry + " v"), "with the entry and its version");
        assertTrue(audit.contains(DigestStore.SYNONYMS + " v2"), "the synonyms publish too");
        assertTrue(audit.contains("policy-ed"), "with who did it");

        var refused = editor.put("/policy/api/entries/" + PolicyEntries.ID,
                Map.of("markdown", PolicyEntries.drone().replace("articles: [35]", "articles: [99]"), "version", 0));
        assertEquals(422, refused.status(), refused.body());
        assertEquals(admin.get("/staff/api/audit?limit=1000").json().size(), PolicyClient.JSON.readTree(audit).size(),
                "a refused publish changed nothing, so it is not audited");
    }
}
