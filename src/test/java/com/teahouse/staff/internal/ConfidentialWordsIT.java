package com.teahouse.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.dialog.kit.ScriptRunner;
import com.teahouse.dialog.kit.TelegramDriver;
import com.teahouse.staff.StaffRole;
import com.teahouse.testsupport.TestHotline;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F1, the rest of it: a confidential complainant who types their company, name and phone where the form did not
 * ask for them (into the description, before the form reached those questions; into an "unsatisfied" comment
 * after the reply). The unit's member must meet none of it: not on the case page (description, conversation,
 * timeline), not in the console's search (the words find nothing), not in the shared forum (card, reopen line).
 */
class ConfidentialWordsIT {

    static final List<String> SECRET = ConfidentialityIT.SECRET;

    @TempDir
    Path data;

    @Test
    void wordsTypedOutsideTheFormAreMaskedForTheUnitEverywhere() throws Exception {
        FakeUser sup = FakeUser.human(4811, "孙督办", "zh");
        FakeUser unit = FakeUser.human(4812, "李专员", "zh");
        try (ForumHotline hotline = ForumHotline.start(data, -1001234567011L, sup, unit)) {
            FakeBotApiServer telegram = hotline.telegram();
            FakeChat group = hotline.group();
            TestHotline app = hotline.app();
            ConfidentialityIT.account(app, "w-sup", Set.of(StaffRole.SUPERVISOR), null, sup);
            ConfidentialityIT.account(app, "w-unit", Set.of(StaffRole.STAFF), "iit", unit);
            CaseDesk desk = app.bean(CaseDesk.class);
            CaseWork work = app.bean(CaseWork.class);

            new ScriptRunner(new TelegramDriver(telegram, app, group, unit)).run(complaint());
            String t = ConfidentialityIT.newest(desk, work, true);

            // the supervisor answers; the complainant is not satisfied and says who they are once more
            Actor supervisor = new Actor("tg:" + sup.id(), sup.firstName());
            assertTrue(work.claim(t, supervisor, "w-claim").done());
            assertTrue(work.resolve(t, supervisor, "已协调区财政局，本月内支付。", "w-resolve", false).done());
            CaseRecord replied = work.get(t).orElseThrow();
            desk.rate(t, replied.owner(), CaseDesk.Rating.UNSATISFIED,
                    "我是" + SECRET.get(1) + "，" + SECRET.get(0) + "还没收到钱，回电 " + SECRET.get(2), "w-rate");
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                    ConfidentialityIT.calls(telegram, group.id()).contains("问题未解决"));

            String forum = ConfidentialityIT.calls(telegram, group.id());
            String unitChat = ConfidentialityIT.calls(telegram, unit.id());
            ConfidentialityIT.Console console = ConfidentialityIT.Console.login(app, "w-unit");
            List<String> seen = new ArrayList<>();
            seen.add(console.get("/staff/api/cases/" + t));
            seen.add(console.get("/staff/api/queue"));
            for (String v : SECRET) {
                // (a phone number is a supervisor's search: 403 for the unit)
                HttpResponse<String> found = console.http().send(HttpRequest.newBuilder(URI.create(console.base()
                        + "/staff/api/search?q=" + URLEncoder.encode(v, StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(found.statusCode() == 200 || found.statusCode() == 403, found.toString());
                assertFalse(found.body().contains(t), "a search for " + v + " finds the confidential case");
                seen.add(found.body());
            }
            String all = String.join("\n", seen);
            for (String v : SECRET) {
                assertFalse(forum.contains(v), "confidential value in the shared forum: " + v);
                assertFalse(unitChat.contains(v), "confidential value sent to unit staff: " + v);
                assertFalse(all.contains(v), "confidential value in the console for unit staff: " + v);
            }
            // what was masked is still there to read, and the supervisor's contact step still gives the data
            assertTrue(seen.get(0).contains("工程尾款"), seen.get(0));
            assertTrue(forum.contains("还没收到钱"), "the reopen line keeps the rest of the comment");
            ConfidentialityIT.Console supConsole = ConfidentialityIT.Console.login(app, "w-sup");
            var contact = supConsole.post("/staff/api/cases/" + t + "/contact", "{\"text\":\"核实身份\"}");
            assertEquals(200, contact.statusCode());
            assertTrue(contact.body().contains(SECRET.get(2)), contact.body());
        }
    }

    /** The complaint with the company, the person and the phone typed into the description, before asked. */
    static Map<String, Object> complaint() throws Exception {
        List<String> v = SECRET;
        return ConfidentialityIT.complaint(v, "保密", "typed before asked",
                "我们%s为区政府完成道路工程，工程尾款 120 万元未付。联系人%s，电话 %s，统一社会信用代码 %s。"
                        .formatted(v.get(0), v.get(1), v.get(2), v.get(3)));
    }
}
