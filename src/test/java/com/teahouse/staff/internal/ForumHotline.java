package com.teahouse.staff.internal;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The hotline on a fake Telegram with a staff forum: the forum supergroup with its members, each member's private
 * chat with the bot (where "show contact" and takeover answers go), and the app pointed at both. The staff
 * end-to-end tests here all start from this, written once so that they meet the same wiring.
 *
 * @param telegram the fake Bot API, with every call it was sent
 * @param group    the staff forum
 * @param app      the hotline, its staff chat set to the forum
 */
record ForumHotline(FakeBotApiServer telegram, FakeChat group, TestHotline app) implements AutoCloseable {

    static ForumHotline start(Path data, long groupId, FakeUser... staff) {
        FakeBotApiServer telegram = new FakeBotApiServer().start();
        try {
            FakeChat group = telegram.forumGroup(groupId, "热线工作群", staff);
            for (FakeUser member : staff) {
                telegram.privateChat(member.id(), member.firstName(), "zh");
            }
            Map<String, String> p = new HashMap<>(TestHotline.telegram(telegram.baseUrl(), telegram.token()));
            p.put("teahouse.telegram.staff-chat-id", String.valueOf(group.id()));
            p.putAll(TestHotline.unthrottledSends());
            return new ForumHotline(telegram, group, TestHotline.start(data, p));
        } catch (RuntimeException | Error e) {
            telegram.close();
            throw e;
        }
    }

    /** The app first, as the nested try-with-resources did: it may still call the fake while it stops. */
    @Override
    public void close() {
        try {
            app.close();
        } finally {
            telegram.close();
        }
    }
}
