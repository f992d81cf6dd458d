package com.teahouse.policy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.teahouse.store.RedisStore;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.params.ScanParams;

/**
 * The policy office's unanswered list, "try a question" and the bulk check, over real HTTP on a real server and
 * Redis, with the real dialog and digest: what a declined chat question leaves behind (the question, scrubbed;
 * nothing about who asked), handled lines, drafts that change the decision, the roles and CSRF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"teahouse.admin.password=" + PolicyUnansweredIT.ADMIN_PASSWORD, "teahouse.cases.poll-interval=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyUnansweredIT {

    static final String ADMIN_PASSWORD = "admin-Pass-for-policy-2026";
    static final String PASSWORD = "editor-Pass-for-policy-2026";
    static final String PHONE = "13800138000";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("policy-it").toString();
        registry.add("teahouse.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;
    @Autowired
    RedisStore redis;

    @BeforeAll
    void accounts() {
        PolicyHttp admin = new PolicyHttp(port).login("admin", ADMIN_PASSWORD);
        for (var a : Map.of("editor", "POLICY_EDITOR", "clerk", "STAFF").entrySet()) {
            PolicyHttp.Answer made = admin.post("/staff/api/admin/accounts", Map.of("username", a.getKey(),
                    "password", PASSWORD, "roles", List.of(a.getValue()), "unit", "iit"));
            assertTrue(made.status() < 300, made.body());
        }
    }

    PolicyHttp editor() {
        return new PolicyHttp(port).login("editor", PASSWORD);
    }

    @Test
    void aDeclinedChatQuestionIsListedWithoutPersonalData() throws Exception {
        HttpClient chat = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        chat.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/session?lang=zh")).build(),
                HttpResponse.BodyHandlers.ofString());
        String question = "今天天气怎么样啊，我手机" + PHONE;
        for (String text : List.of(question, "转人工服务")) {
            String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\",\"lang\":\"zh\"}";
            HttpResponse<String> sent = chat.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/send"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(sent.statusCode() < 300, sent.body());
        }
        PolicyHttp editor = editor();
        JsonNode item = await().atMost(Duration.ofSeconds(30)).until(() -> find(editor, "天气"), n -> n != null);
        assertEquals("今天天气怎么样啊，我手机***", item.get("question").asText());
        assertEquals("zh", item.get("lang").asText());
        assertEquals(1, item.get("count").asInt());
        assertTrue(item.get("candidates").isArray());
        String everything = editor.get("/policy/api/unanswered?days=30").body();
        assertFalse(everything.contains(PHONE), everything);
        assertFalse(everything.contains("chat") || everything.contains("Tester"), everything);
        for (String key : keys(redis.key("policy:unanswered:*"))) {
            String type = redis.jedis().type(key);
            String stored = switch (type) {
                case "hash" -> redis.jedis().hgetAll(key).toString();
                case "zset" -> redis.jedis().zrange(key, 0, -1).toString();
                case "set" -> redis.jedis().smembers(key).toString();
                default -> redis.jedis().get(key);
            };
            assertFalse(key.contains(PHONE) || stored.contains(PHONE), key + " holds " + stored);
        }
    }

    @Test
    void aHandledLineIsHiddenUntilItIsAskedAgain() {
        UnansweredRecorder recorder = recorder();
        String q = "外卖平台抽成太高有没有规定管";
        recorder.record(new com.teahouse.dialog.UnansweredQuestion(q, "zh",
                com.teahouse.dialog.UnansweredQuestion.Reason.DECLINED, List.of(), java.time.Instant.now()));
        PolicyHttp editor = editor();
        JsonNode item = find(editor, "外卖平台");
        assertTrue(item != null);
        assertEquals(200, editor.post("/policy/api/unanswered/" + item.get("id").asText() + "/handled", Map.of())
                .status());
        assertEquals(null, find(editor, "外卖平台"), "handled: hidden");
        assertEquals(404, editor.post("/policy/api/unanswered/999999999/handled", Map.of()).status());
        recorder.record(new com.teahouse.dialog.UnansweredQuestion(q, "zh",
                com.teahouse.dialog.UnansweredQuestion.Reason.NOT_HELPED, List.of(), java.time.Instant.now()));
        JsonNode back = find(editor, "外卖平台");
        assertEquals(item.get("id").asText(), back.get("id").asText(), "the same line comes back");
        assertEquals(1, back.get("count").asInt(), "counting the askings since it was handled");
    }

    @Test
    void aDraftChangesWhatTheBotWouldDo() {
        PolicyHttp editor = editor();
        PolicyHttp.Answer published = editor.post("/policy/api/try",
                Map.of("question", PolicyDrafts.QUESTION, "lang", "zh"));
        assertEquals(200, published.status(), published.body());
        assertNotEquals("answer", published.json().get("decision").asText(), published.body());
        JsonNode withDraft = editor.post("/policy/api/try", Map.of("question", PolicyDrafts.QUESTION, "lang", "zh",
                "draft", Map.of("id", PolicyDrafts.ID, "markdown", PolicyDrafts.milkTea()))).json();
        assertEquals("answer", withDraft.get("decision").asText(), withDraft.toString());
        assertEquals(PolicyDrafts.ID, withDraft.get("answer").asText());
        JsonNode top = withDraft.get("ranking").get(0);
        assertEquals(PolicyDrafts.ID, top.get("id").asText());
        assertTrue(top.get("probability").asDouble() > 0 && top.get("features").size() > 0, top.toString());
        assertTrue(withDraft.get("ranking").size() <= TryApi.TOP);
        assertNotEquals("answer", editor.post("/policy/api/try", Map.of("question", PolicyDrafts.QUESTION,
                "lang", "zh")).json().get("decision").asText(), "the published digest is unchanged");

        String broken = PolicyDrafts.milkTea().replace("  zh: \"开奶茶店需要办理的证照\"\n", "  zh: [unclosed\n");
        PolicyHttp.Answer refused = editor.post("/policy/api/try", Map.of("question", PolicyDrafts.QUESTION,
                "draft", Map.of("id", PolicyDrafts.ID, "markdown", broken)));
        assertEquals(422, refused.status(), refused.body());
        JsonNode problem = refused.json().get("problems").get(0);
        assertTrue(problem.get("line").asInt() > 1 && !problem.get("message").asText().isBlank(), refused.body());
        assertEquals(400, editor.post("/policy/api/try", Map.of("question", " ")).status());
    }

    @Test
    void theBulkCheckSaysWhatADraftChanges() {
        PolicyHttp editor = editor();
        JsonNode same = editor.post("/policy/api/evaluate", Map.of()).json();
        assertTrue(same.get("questions").asInt() > 900, same.toString());
        assertEquals(0, same.get("changed").size(), "the published digest against itself changes nothing");
        // the entry on payment terms emptied of its sample questions: its questions are no longer answered right
        String gutted = PolicyDrafts.milkTea().replace("milk-tea-shop-licences", "payment-term-60-days");
        JsonNode changed = editor.post("/policy/api/evaluate",
                Map.of("draft", Map.of("id", "payment-term-60-days", "markdown", gutted))).json();
        assertTrue(changed.get("noLongerAnswered").asInt() > 0, changed.toString());
        assertTrue(changed.get("changed").size() > 0);
        assertTrue(changed.get("summary").asText().contains("now answered"), changed.get("summary").asText());
        JsonNode one = changed.get("changed").get(0);
        assertNotEquals(one.get("before").toString(), one.get("after").toString());
    }

    @Test
    void onlyPolicyEditorsAndAdminsGetInAndChangesNeedTheCsrfToken() {
        PolicyHttp anonymous = new PolicyHttp(port);
        assertEquals(401, anonymous.get("/policy/api/unanswered").status());
        // an anonymous change has no session and so no CSRF token: refused before it is even authenticated
        assertEquals(403, anonymous.postWith("/policy/api/try", Map.of("question", "x"), null, null).status());
        // an API client (Accept: application/json) is told 401; a browser is sent to the login (the browser test)
        assertEquals(401, anonymous.get("/policy").status());
        PolicyHttp clerk = new PolicyHttp(port).login("clerk", PASSWORD);
        for (String page : List.of("/policy", "/policy/try", "/policy/evaluate", "/policy/api/unanswered")) {
            assertEquals(403, (page.contains("/api/") ? clerk.get(page) : clerk.page(page)).status(), page);
        }
        assertEquals(403, clerk.post("/policy/api/try", Map.of("question", "开奶茶店")).status());
        for (PolicyHttp allowed : List.of(editor(), new PolicyHttp(port).login("admin", ADMIN_PASSWORD))) {
            for (String page : List.of("/policy", "/policy/try", "/policy/evaluate")) {
                assertEquals(200, allowed.page(page).status(), page);
            }
            assertEquals(200, allowed.get("/policy/api/unanswered").status());
            assertEquals(200, allowed.post("/policy/api/try", Map.of("question", "开奶茶店")).status());
            assertEquals(403, allowed.postWith("/policy/api/try", Map.of("question", "开奶茶店"), null, null).status(),
                    "no CSRF token");
            assertEquals(403, allowed.postWith("/policy/api/unanswered/1/handled", Map.of(), "X-CSRF-TOKEN", "forged")
                    .status(), "a forged CSRF token");
        }
    }

    @Test
    void thirtyPhrasingsThroughRedisMakeOneLine() {
        com.teahouse.knowledge.PolicyDigest digest = digestBean;
        for (String q : ClusterMatchTest.MILK_TEA) {
            List<String> candidates = digest.ask(q, "zh", 3).results().stream().map(h -> h.id()).toList();
            recorder().record(new com.teahouse.dialog.UnansweredQuestion(q, "zh",
                    com.teahouse.dialog.UnansweredQuestion.Reason.DECLINED, candidates, java.time.Instant.now()));
        }
        JsonNode items = editor().get("/policy/api/unanswered?days=1&sort=count").json().get("items");
        List<JsonNode> milkTea = StreamSupport.stream(items.spliterator(), false)
                .filter(i -> i.get("question").asText().contains("奶茶")).toList();
        System.out.println("30 phrasings recorded through Redis -> " + milkTea.size() + " line(s)");
        assertEquals(1, milkTea.size(), milkTea.toString());
        assertEquals(30, milkTea.get(0).get("count").asInt());
        assertTrue(milkTea.get(0).get("variants").size() <= 5);
    }

    @Test
    void anEditorFindsTheQuestionFollowsCreateEntryAndTriesIt() {
        String question = "跨境电商出口退税怎么申请";
        recorder().record(new com.teahouse.dialog.UnansweredQuestion(question, "zh",
                com.teahouse.dialog.UnansweredQuestion.Reason.DECLINED, List.of(), java.time.Instant.now()));
        org.openqa.selenium.WebDriver driver = com.teahouse.testsupport.HeadlessChromium.start(1280, 900);
        try {
            // the ranking table is redrawn as answers arrive: a row read while it is replaced is read again
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            driver.get("http://localhost:" + port + "/policy");
            wait.until(d -> d.getCurrentUrl().contains("/staff/login"));
            driver.findElement(org.openqa.selenium.By.id("username")).sendKeys("editor");
            driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(PASSWORD);
            driver.findElement(org.openqa.selenium.By.id("login")).click();
            driver.get("http://localhost:" + port + "/policy");
            var row = wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#unanswered tbody tr"))
                    .stream().filter(r -> r.getText().contains(question)).findFirst().orElse(null));
            String href = row.findElement(org.openqa.selenium.By.cssSelector("a.create-entry")).getAttribute("href");
            // the editor is the policy-store branch's page: until it is merged, the link target is what counts
            String prefix = "http://localhost:" + port + "/policy/edit?new=1&question=";
            assertTrue(href.startsWith(prefix), href);
            assertEquals(question, java.net.URLDecoder.decode(href.substring(prefix.length()),
                    java.nio.charset.StandardCharsets.UTF_8));
            row.findElement(org.openqa.selenium.By.cssSelector("a.try-question")).click();
            wait.until(d -> !d.findElement(org.openqa.selenium.By.id("decision")).getText().isEmpty());
            assertEquals(question, driver.findElement(org.openqa.selenium.By.id("question")).getAttribute("value"));
            String decision = driver.findElement(org.openqa.selenium.By.id("decision")).getAttribute("data-decision");
            assertTrue(List.of("answer", "offer", "decline", "person").contains(decision), decision);
            // against a pasted draft that answers it
            driver.findElement(org.openqa.selenium.By.cssSelector("#draft-box summary")).click();
            driver.findElement(org.openqa.selenium.By.id("question")).clear();
            driver.findElement(org.openqa.selenium.By.id("question")).sendKeys(PolicyDrafts.QUESTION);
            driver.findElement(org.openqa.selenium.By.id("draft-id")).sendKeys(PolicyDrafts.ID);
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "document.getElementById('draft').value = arguments[0];", PolicyDrafts.milkTea());
            driver.findElement(org.openqa.selenium.By.id("ask")).click();
            // the first question may have been answered too: wait for the draft's entry to lead the ranking
            wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#ranking tbody tr")).stream()
                    .findFirst().map(r -> r.getText().contains(PolicyDrafts.ID)).orElse(false));
            assertEquals("answer", driver.findElement(org.openqa.selenium.By.id("decision"))
                    .getAttribute("data-decision"));
            assertEquals("try", driver.findElement(org.openqa.selenium.By.cssSelector("#policy-nav [aria-current]"))
                    .getAttribute("data-nav"));
        } finally {
            driver.quit();
        }
    }

    @Autowired
    com.teahouse.knowledge.PolicyDigest digestBean;
    @Autowired
    UnansweredRecorder recorderBean;

    UnansweredRecorder recorder() {
        return recorderBean;
    }

    static JsonNode find(PolicyHttp editor, String part) {
        JsonNode items = editor.get("/policy/api/unanswered?days=30&sort=last").json().get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(i -> i.get("question").asText().contains(part))
                .findFirst().orElse(null);
    }

    List<String> keys(String pattern) {
        List<String> out = new java.util.ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.jedis().scan(cursor, new ScanParams().match(pattern).count(500));
            out.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return out;
    }
}
