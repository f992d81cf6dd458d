package com.teahouse.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseWork;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.dialog.kit.ScriptRunner;
import com.teahouse.dialog.kit.TelegramDriver;
import com.teahouse.staff.StaffRole;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While unit staff hold a case (takeover: the entrepreneur's messages are relayed to the case's topic), what the
 * entrepreneur says is kept in the case's conversation with what staff relayed, in the order it was said, end to
 * end through the fake Telegram. The complainant is confidential and types their company, phone and name into the
 * chat: neither the topic nor the unit's case page shows them.
 */
class TakeoverConversationIT {

    static final List<String> SECRET = List.of("保密测试商贸有限公司QX9", "测试人丙QX9", "13900009876", "91370700MAQX90003A");

    @TempDir
    Path data;

    @Test
    void theEntrepreneursWordsDuringATakeoverAreInTheConversationInOrderAndMasked() throws Exception {
        FakeUser unit = FakeUser.human(4902, "孙专员", "zh");
        try (ForumHotline hotline = ForumHotline.start(data, -1001234567002L, unit)) {
            FakeBotApiServer telegram = hotline.telegram();
            FakeChat group = hotline.group();
            TestHotline app = hotline.app();
            ConfidentialityIT.account(app, "t-unit", Set.of(StaffRole.STAFF), "iit", unit);
            TelegramDriver asUnit = new TelegramDriver(telegram, app, group, unit);
            CaseWork work = app.bean(CaseWork.class);

            Map<String, Object> script = ConfidentialityIT.complaint(SECRET, "保密", "takeover");
            script.put("steps", takeoverSteps(script));
            new ScriptRunner(asUnit).run(script);
            String t = ConfidentialityIT.newest(app.bean(CaseDesk.class), work, true);

            // the case keeps each side's words in order, the entrepreneur's already masked for the unit
            List<String> kept = work.history(t).stream()
                    .filter(h -> h.type().equals("owner-message") || h.type().equals("message"))
                    .map(h -> h.type() + ": " + h.note()).toList();
            assertThat(kept).containsExactly(
                    "owner-message: 我是***的，电话 ***，联系人***，尾款还没到",
                    "message: 请提供合同编号",
                    "owner-message: 合同编号 HT-2025-031，信用代码 ***",
                    "owner-message: [photo] 合同扫描件");

            // the unit's case page: the same lines, in that order, after the complaint's own conversation
            JsonNode page = new ObjectMapper().readTree(ConfidentialityIT.Console.login(app, "t-unit")
                    .get("/staff/api/cases/" + t));
            List<String> lines = new ArrayList<>();
            page.get("conversation").forEach(l -> lines.add(l.get("from").asText() + ": " + l.get("text").asText()));
            int first = lines.indexOf("user: 我是***的，电话 ***，联系人***，尾款还没到");
            assertThat(first).as("the takeover in %s", lines).isPositive();
            assertThat(lines.subList(first, lines.size())).containsExactly(
                    "user: 我是***的，电话 ***，联系人***，尾款还没到",
                    "staff: 请提供合同编号",
                    "user: 合同编号 HT-2025-031，信用代码 ***",
                    "user: [photo] 合同扫描件");
            String seen = page.toString() + ConfidentialityIT.calls(telegram, group.id())
                    + ConfidentialityIT.calls(telegram, unit.id());
            for (String v : SECRET) {
                assertThat(seen).as("a confidential value the unit could read").doesNotContain(v);
            }
            assertThat(telegram.rejectedCalls()).isEmpty();
        }
    }

    /** The complaint's steps, then: 孙专员 claims it, and the two sides talk through the topic. */
    @SuppressWarnings("unchecked")
    static List<Object> takeoverSteps(Map<String, Object> complaint) throws Exception {
        List<Object> steps = new ArrayList<>((List<Object>) complaint.get("steps"));
        String yaml = """
                - takeover: true
                  case: {state: CLAIMED}
                - say: 我是%1$s的，电话 %3$s，联系人%2$s，尾款还没到
                  silent: true
                  staff: ["客户：我是***的，电话 ***，联系人***，尾款还没到"]
                - staff-says: 请提供合同编号
                  expect: 请提供合同编号
                - say: 合同编号 HT-2025-031，信用代码 %4$s
                  silent: true
                  staff: ["客户：合同编号 HT-2025-031，信用代码 ***"]
                - photo: 合同扫描件
                  silent: true
                """.formatted(SECRET.get(0), SECRET.get(1), SECRET.get(2), SECRET.get(3));
        steps.addAll(new ObjectMapper(new YAMLFactory()).readValue(yaml, List.class));
        return steps;
    }
}
