package com.teahouse.dialog.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.teahouse.cases.CaseWork;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.FakeChat;
import com.teahouse.channel.telegram.fake.FakeUpdate;
import com.teahouse.channel.telegram.fake.FakeUser;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.RichText;
import com.teahouse.messaging.internal.MessagingKeys;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.TestHotline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs scripts END TO END through the fake Telegram and the real telegrambots client: each step is done as a
 * Telegram user would (send, press a button of a message the bot sent, share a contact, send a photo), and what
 * the bot sent back is read from the fake. A step is over when the update's step is committed and the outbox is
 * drained, so the messages gathered are exactly its own.
 */
public final class TelegramDriver implements ScriptRunner.Driver {

    private static final AtomicLong USERS = new AtomicLong(6000);
    private static final Duration QUIET = Duration.ofMillis(200);

    private final FakeBotApiServer telegram;
    private final TestHotline app;
    private final FakeChat staffGroup;
    private final FakeUser staff;
    private final Map<String, FakeChat> chats = new HashMap<>();

    public TelegramDriver(FakeBotApiServer telegram, TestHotline app, FakeChat staffGroup, FakeUser staff) {
        this.telegram = telegram;
        this.app = app;
        this.staffGroup = staffGroup;
        this.staff = staff;
    }

    @Override
    public Address chat(String name, String language) {
        FakeChat chat = telegram.privateChat(USERS.incrementAndGet(), "Tester", language);
        chats.put(String.valueOf(chat.id()), chat);
        return Address.of("telegram", String.valueOf(chat.id()));
    }

    @Override
    public List<Outbound> send(Inbound m) {
        FakeChat chat = chats.get(m.from().chat());
        return collect(chat, () -> switch (m.kind()) {
            case TEXT -> telegram.userSends(chat, m.text());
            case BUTTON -> telegram.userPresses(chat, messageWith(chat, m.data()), m.data());
            case CONTACT -> telegram.userSharesContact(chat, m.contact().phone().replaceAll("[^+0-9]", ""));
            case ATTACHMENT -> telegram.userSendsPhoto(chat, m.text());
            case UNSUPPORTED -> telegram.userSendsSticker(chat, "🙂");
            case EDITED -> telegram.userEditsMessage(chat, lastUserMessage(chat), m.text());
        });
    }

    @Override
    public List<Outbound> staff(String tracking, String text, boolean press) {
        Address topic = ScriptRunner.awaitTopic(work(), tracking);
        int thread = Integer.parseInt(topic.thread());
        return collect(staffGroup, () -> press
                ? telegram.userPresses(staffGroup, staff, messageWith(staffGroup, text), text)
                : telegram.staffWritesInTopic(staffGroup, thread, staff, text));
    }

    @Override
    public List<Outbound> staffAct(Runnable action) {
        return collect(null, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Does the action (a Telegram update, or with none a staff action in the console), then gathers what the bot
     * sent to every chat until it has been quiet for a moment.
     */
    private List<Outbound> collect(FakeChat acting, java.util.function.Supplier<FakeUpdate> action) {
        Map<Long, Integer> before = new HashMap<>();
        List<FakeChat> all = new ArrayList<>(chats.values());
        all.add(staffGroup);
        all.forEach(c -> before.put(c.id(), telegram.sentMessages(c.id()).size()));
        FakeUpdate update = action.get();
        String id = update == null ? null : "tg:" + update.updateId();
        RedisStore store = app.bean(RedisStore.class);
        MessagingKeys keys = app.bean(MessagingKeys.class);
        long end = System.currentTimeMillis() + 60_000;
        // the step is committed and its outbox sent (rate limits may hold a group message for seconds) ...
        while (!((id == null || store.jedis().exists(keys.dedupe(id))) && PathDriver.drained(store, keys))) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("update " + id + " not handled and sent within 60 s");
            }
            KitApp.sleep(20);
        }
        // ... and follow-ups posted after a delivery (the card after its topic) have had a moment
        KitApp.sleep(QUIET.toMillis());
        while (!PathDriver.drained(store, keys) && System.currentTimeMillis() < end) {
            KitApp.sleep(20);
        }
        List<Outbound> out = new ArrayList<>();
        for (FakeChat c : all) {
            List<SentMessage> sent = telegram.sentMessages(c.id());
            sent.subList(before.get(c.id()), sent.size()).forEach(s -> out.add(outbound(s)));
        }
        return out;
    }

    private static Outbound outbound(SentMessage s) {
        Address to = new Address("telegram", String.valueOf(s.chatId()),
                s.threadId() == null ? null : String.valueOf(s.threadId()));
        List<List<Button>> rows = new ArrayList<>();
        JsonNode markup = s.replyMarkup();
        if (markup != null) {
            JsonNode keyboard = markup.has("inline_keyboard") ? markup.get("inline_keyboard") : markup.path("keyboard");
            for (JsonNode row : keyboard) {
                List<Button> buttons = new ArrayList<>();
                row.forEach(b -> buttons.add(b.path("request_contact").asBoolean(false)
                        ? Button.shareContact(b.path("text").asText())
                        : Button.action(b.path("text").asText(), b.path("callback_data").asText(null))));
                rows.add(buttons);
            }
        }
        return Outbound.send(to, RichText.plain(s.text() == null ? "" : s.text()), rows);
    }

    /** The newest message in the chat carrying this callback data, or the newest one (a stale press). */
    private int messageWith(FakeChat chat, String data) {
        List<SentMessage> sent = telegram.sentMessages(chat.id());
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).callbackData().stream().flatMap(List::stream).anyMatch(data::equals)) {
                return sent.get(i).messageId();
            }
        }
        return sent.get(sent.size() - 1).messageId();
    }

    private int lastUserMessage(FakeChat chat) {
        throw new UnsupportedOperationException("edits are covered by the message-path scripts");
    }

    @Override
    public void advanceClock(Duration by) {
        throw new UnsupportedOperationException("the Telegram scripts run on the real clock");
    }

    @Override
    public CaseWork work() {
        return app.bean(CaseWork.class);
    }

    @Override
    public <T> T bean(Class<T> type) {
        return app.bean(type);
    }
}
