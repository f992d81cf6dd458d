package com.teahouse.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.dialog.internal.ScriptedKnowledge;
import com.teahouse.dialog.kit.ScriptRunner;
import com.teahouse.dialog.kit.TelegramDriver;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Some of the conversation scripts, unchanged, through the fake Telegram with the real telegrambots client (with
 * the knowledge decisions scripts may set, {@link ScriptedKnowledge}).
 */
class TelegramScriptsEndToEndTest {

    @TempDir
    Path data;

    @Test
    void complaintAndStaffTakeoverScriptsRunOnTelegram() throws Exception {
        FakeUser li = FakeUser.human(4711, "李工", "zh");
        try (FakeBotApiServer telegram = new FakeBotApiServer().start()) {
            FakeChat group = telegram.forumGroup(-1009876543210L, "热线工作群", li);
            Map<String, String> p = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
            p.put("teahouse.telegram.staff-chat-id", String.valueOf(group.id()));
            p.put("teahouse.telegram.staff-user-ids", String.valueOf(li.id()));
            // the staff forum's 20-a-minute limit would make each card wait seconds: raised, as tests may
            p.putAll(TestHotline.unthrottledSends());
            try (TestHotline app = TestHotline.start(data, p, ScriptedKnowledge.class)) {
                ScriptRunner runner = new ScriptRunner(new TelegramDriver(telegram, app, group, li));
                for (String script : new String[] {"complaint-zh.yaml", "takeover-rating.yaml", "did-you-mean-zh.yaml",
                        "follow-up-en.yaml", "person-request-wording-zh.yaml", "person-request-wording-en.yaml"}) {
                    runner.run(ScriptRunner.load(Path.of("src/test/resources/conversations", script)));
                }
            }
            assertThat(telegram.rejectedCalls()).isEmpty();
        }
    }
}
