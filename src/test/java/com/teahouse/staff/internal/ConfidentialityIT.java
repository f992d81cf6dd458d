package com.teahouse.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseWork;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.channel.telegram.fake.RecordedCall;
import com.teahouse.dialog.kit.ScriptRunner;
import com.teahouse.dialog.kit.TelegramDriver;
import com.teahouse.messaging.Address;
import com.teahouse.staff.StaffRole;
import com.teahouse.testsupport.TestHotline;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Confidentiality that holds, end to end: two complaints go through the real dialog on the fake Telegram with
 * unique planted values (one confidential, one not). Then every console response (API and pages, over real
 * HTTP with a real login) and every Bot API call the fake recorded is searched: unit staff never meet the
 * confidential values; the shared forum never shows a phone or contact person; a supervisor gets them through the
 * logged "show contact" step; the transcript carries neither personal answers nor button codes.
 */
class ConfidentialityIT {

    static final List<String> SECRET = List.of("独角兽测试有限公司QX7", "测试人甲QX7", "13900001234", "91370700MAQX70001L");
    static final List<String> OPEN = List.of("非保密测试公司QX8", "测试人乙QX8", "13900005678", "91370700MAQX80002F");

    @TempDir
    Path data;

    @Test
    void personalDataReachesOnlyThoseAllowedToSeeIt() throws Exception {
        FakeUser sup = FakeUser.human(4801, "赵督办", "zh");
        FakeUser unit = FakeUser.human(4802, "钱专员", "zh");
        try (ForumHotline hotline = ForumHotline.start(data, -1001234567001L, sup, unit)) {
            FakeBotApiServer telegram = hotline.telegram();
            FakeChat group = hotline.group();
            TestHotline app = hotline.app();
            account(app, "c-sup", Set.of(StaffRole.SUPERVISOR), null, sup);
            account(app, "c-unit", Set.of(StaffRole.STAFF), "iit", unit);
            TelegramDriver asUnit = new TelegramDriver(telegram, app, group, unit);
            TelegramDriver asSup = new TelegramDriver(telegram, app, group, sup);
            CaseDesk desk = app.bean(CaseDesk.class);
            CaseWork work = app.bean(CaseWork.class);

            new ScriptRunner(asUnit).run(complaint(SECRET, "保密", "confidential"));
            String secret = newest(desk, work, true);
            new ScriptRunner(asUnit).run(complaint(OPEN, "不保密", "open"));
            String open = newest(desk, work, false);

            // the unit's member presses "show contact": refused on the confidential case, shown (privately,
            // logged) on the other; the supervisor gives a reason and gets the confidential one
            assertTrue(said(asUnit.staff(secret, "case:contact:" + secret, true)).contains("只有督办人员"));
            // (the contact goes to the asker's private chat: read below from the calls the fake recorded)
            assertFalse(said(asUnit.staff(open, "case:contact:" + open, true)).contains(OPEN.get(2)));
            assertFalse(said(asSup.staff(secret, "/contact 企业要求回电核实", false)).contains(SECRET.get(2)));
            assertTrue(work.history(open).stream().anyMatch(h -> h.type().equals("contact")));
            assertTrue(work.history(secret).stream().anyMatch(h -> h.type().equals("contact")
                    && h.note().equals("企业要求回电核实")));

            // every Bot API call the unit's member could read: the forum, and their own private chat
            String forum = calls(telegram, group.id());
            String unitChat = calls(telegram, unit.id());
            String supChat = calls(telegram, sup.id());
            for (String v : SECRET) {
                assertFalse(forum.contains(v), "confidential value in the forum: " + v);
                assertFalse(unitChat.contains(v), "confidential value sent to unit staff: " + v);
            }
            for (String v : List.of(OPEN.get(1), OPEN.get(2))) {
                assertFalse(forum.contains(v), "contact person or phone on the shared forum: " + v);
            }
            assertTrue(forum.contains(OPEN.get(0)), "a non-confidential company stays on its card");
            assertTrue(unitChat.contains(OPEN.get(2)), "shown to unit staff on request");
            for (String v : SECRET.subList(0, 3)) {
                assertTrue(supChat.contains(v), "the supervisor gets the confidential contact: " + v);
            }
            assertTrue(telegram.rejectedCalls().isEmpty(), telegram.rejectedCalls().toString());

            // every console response, as unit staff
            Console unitConsole = Console.login(app, "c-unit");
            List<String> seen = new ArrayList<>();
            seen.add(unitConsole.get("/staff"));
            seen.add(unitConsole.get("/staff/api/queue"));
            seen.add(unitConsole.get("/staff/api/me"));
            for (String t : List.of(secret, open)) {
                seen.add(unitConsole.get("/staff/case/" + t));
                seen.add(unitConsole.get("/staff/api/cases/" + t));
            }
            HttpResponse<String> refused = unitConsole.post("/staff/api/cases/" + secret + "/contact",
                    "{\"text\":\"想看看\"}");
            assertEquals(403, refused.statusCode());
            seen.add(refused.body());
            String all = String.join("\n", seen);
            for (String v : SECRET) {
                assertFalse(all.contains(v), "confidential value in the console for unit staff: " + v);
            }
            for (String v : List.of(OPEN.get(1), OPEN.get(2))) {
                assertFalse(all.contains(v), "contact data outside the 'show contact' step: " + v);
            }
            HttpResponse<String> shown = unitConsole.post("/staff/api/cases/" + open + "/contact", "{}");
            assertEquals(200, shown.statusCode());
            assertTrue(shown.body().contains(OPEN.get(2)) && shown.body().contains(OPEN.get(1)), shown.body());

            // as a supervisor: the case without contact data, the contact through the logged step
            Console supConsole = Console.login(app, "c-sup");
            String caseJson = supConsole.get("/staff/api/cases/" + secret);
            for (String v : SECRET) {
                assertFalse(caseJson.contains(v), "the transcript never carries a personal answer: " + v);
            }
            assertTrue(caseJson.contains("[拖欠账款、保证金不退]"), "buttons as the user saw them: " + caseJson);
            assertFalse(caseJson.contains("complaint.category="), "no button codes: " + caseJson);
            assertTrue(caseJson.contains("\"from\":\"bot\""), "the bot's side too: " + caseJson);
            assertEquals(400, supConsole.post("/staff/api/cases/" + secret + "/contact", "{}").statusCode(),
                    "a confidential contact needs a reason");
            HttpResponse<String> contact = supConsole.post("/staff/api/cases/" + secret + "/contact",
                    "{\"text\":\"企业要求回电\"}");
            assertEquals(200, contact.statusCode());
            for (String v : SECRET) {
                assertTrue(contact.body().contains(v), "the supervisor sees " + v + " in " + contact.body());
            }
        }
    }

    /** A complaint through the real dialog, with the planted values. */
    static Map<String, Object> complaint(List<String> v, String confidential, String name) throws Exception {
        return complaint(v, confidential, name, "2025年3月我们为区政府完成了道路工程，至今尾款 120 万元未付，多次催要无果。");
    }

    /**
     * The same complaint with the description given: {@link ConfidentialWordsIT} plants the values there too, where
     * the form did not ask for them.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> complaint(List<String> v, String confidential, String name, String description)
            throws Exception {
        String yaml = """
                name: planted %s
                language: zh
                steps:
                  - say: /complain
                    buttons: [拖欠账款、保证金不退]
                  - press: 拖欠账款、保证金不退
                    expect: 第 2 步
                  - say: %s
                    expect: 第 3 步
                  - say: 奎文区
                    expect: 第 4 步
                  - say: %s
                    expect: 统一社会信用代码
                  - say: %s
                    expect: 第 6 步
                  - say: %s
                    expect: 第 7 步
                  - say: "%s"
                    expect: 第 8 步
                  - press: %s
                    expect: 请核对
                  - press: ✅ 确认提交
                    expect: 投诉已受理
                """.formatted(name, description, v.get(0), v.get(3), v.get(1), v.get(2), confidential);
        return new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
    }

    static String newest(CaseDesk desk, CaseWork work, boolean confidential) {
        return work.queue(com.teahouse.cases.CaseFilter.all(100)).stream()
                .filter(c -> c.confidential() == confidential).map(c -> c.trackingNumber()).sorted()
                .reduce((a, b) -> b).orElseThrow();
    }

    static void account(TestHotline app, String username, Set<StaffRole> roles, String unit, FakeUser tg) {
        String hash = app.bean(PasswordEncoder.class).encode("correct horse battery staple");
        AccountStore accounts = app.bean(AccountStore.class);
        accounts.create(new Account(username, hash, roles, unit, tg.firstName(), null, null));
        accounts.linkTelegram(username, String.valueOf(tg.id()));
    }

    static String said(List<com.teahouse.messaging.Outbound> out) {
        return String.join("\n", out.stream().filter(o -> o.text() != null).map(o -> o.text().plainText()).toList());
    }

    /** Every recorded Bot API call addressed to a chat, as its JSON parameters. */
    static String calls(FakeBotApiServer telegram, long chatId) {
        return String.join("\n", telegram.calls().stream().map(RecordedCall::params)
                .filter(params -> params != null && params.path("chat_id").asText().equals(String.valueOf(chatId)))
                .map(Object::toString).toList());
    }

    /** A logged-in console session over real HTTP: the login form, then the page's CSRF token for the API. */
    record Console(HttpClient http, String base, String csrfHeader, String csrf) {

        static final Pattern HIDDEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        static Console login(TestHotline app, String username) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String base = app.baseUrl();
            String form = http.send(HttpRequest.newBuilder(URI.create(base + "/staff/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = HIDDEN.matcher(form);
            assertTrue(token.find(), form);
            String body = "username=" + username + "&password=" + URLEncoder.encode("correct horse battery staple",
                    StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(base + "/staff/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, in.statusCode());
            assertFalse(in.headers().firstValue("Location").orElse("").contains("error"), "login failed");
            // the API's CSRF token lives in the session; the pages (and API clients) read it from /staff/api/me
            String me = http.send(HttpRequest.newBuilder(URI.create(base + "/staff/api/me")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var csrf = new com.fasterxml.jackson.databind.ObjectMapper().readTree(me).get("csrf");
            return new Console(http, base, csrf.get("header").asText(), csrf.get("token").asText());
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path + " " + r.body());
            return r.body();
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header(csrfHeader, csrf).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
