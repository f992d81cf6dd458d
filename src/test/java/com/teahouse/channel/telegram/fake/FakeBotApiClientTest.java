package com.teahouse.channel.telegram.fake;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.forum.CloseForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.ReopenForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake against the real telegrambots client: what it accepts deserializes, what it refuses throws. */
class FakeBotApiClientTest {
    private FakeBotApiServer telegram;
    private OkHttpTelegramClient client;
    private FakeChat alice;

    @BeforeEach
    void start() {
        telegram = new FakeBotApiServer().start();
        client = new OkHttpTelegramClient(new OkHttpClient(), telegram.token(), telegram.telegramUrl());
        alice = telegram.privateChat(1001, "Alice", "zh");
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void getMeReturnsTheBot() throws TelegramApiException {
        User me = client.execute(new GetMe());
        assertTrue(me.getIsBot());
        assertEquals("teahouse_test_bot", me.getUserName());
        assertEquals("getMe", telegram.calls().get(0).method());
    }

    @Test
    void sendMessageWithInlineKeyboardIsStoredAndRecorded() throws TelegramApiException {
        Message sent = client.execute(SendMessage.builder().chatId(alice.id()).text("<b>Welcome</b> &amp; hi")
                .parseMode("HTML").replyMarkup(keyboard("Start", "menu:start")).build());

        assertEquals("Welcome & hi", sent.getText());
        assertEquals("bold", sent.getEntities().get(0).getType());
        assertEquals(1001L, sent.getChatId());
        assertEquals("menu:start", sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData());
        SentMessage recorded = telegram.sentMessages(alice.id()).get(0);
        assertEquals(List.of(List.of("Start")), recorded.buttonTexts());
        assertEquals(List.of(List.of("menu:start")), recorded.callbackData());
        assertTrue(telegram.rejectedCalls().isEmpty());
    }

    @Test
    void editMessageTextChangesTheMessageAndRefusesANoOpEdit() throws TelegramApiException {
        Message sent = client.execute(SendMessage.builder().chatId(alice.id()).text("v1").build());
        EditMessageText edit = EditMessageText.builder().chatId(alice.id()).messageId(sent.getMessageId()).text("v2").build();

        Serializable edited = client.execute(edit);

        assertEquals("v2", ((Message) edited).getText());
        assertEquals("v2", telegram.message(alice.id(), sent.getMessageId()).get("text").asText());
        assertRejected(400, "Bad Request: message is not modified", edit);
        assertRejected(400, "Bad Request: message to edit not found",
                EditMessageText.builder().chatId(alice.id()).messageId(999).text("x").build());
    }

    @Test
    void forumTopicsAreCreatedAndUsableAsThreads() throws TelegramApiException {
        FakeUser staff = FakeUser.human(2001, "Wang", "zh");
        FakeChat desk = telegram.forumGroup(-100_555, "Service desk", staff);

        ForumTopic topic = client.execute(CreateForumTopic.builder().chatId(desk.id()).name("Case 42").build());
        Message inTopic = client.execute(SendMessage.builder().chatId(desk.id())
                .messageThreadId(topic.getMessageThreadId()).text("New case").build());

        assertEquals("Case 42", topic.getName());
        assertEquals(topic.getMessageThreadId(), inTopic.getMessageThreadId());
        assertTrue(inTopic.getIsTopicMessage());
        assertEquals(1, telegram.sentMessages(desk.id(), topic.getMessageThreadId()).size());
        assertRejected(400, "Bad Request: message thread not found",
                SendMessage.builder().chatId(desk.id()).messageThreadId(77777).text("lost").build());
        assertRejected(400, "Bad Request: the chat is not a forum",
                CreateForumTopic.builder().chatId(alice.id()).name("no").build());
    }

    @Test
    void aClosedTopicRefusesNewMessagesUntilReopened() throws TelegramApiException {
        FakeChat desk = telegram.forumGroup(-100_556, "Service desk", FakeUser.human(2002, "Zhao", "zh"));
        int thread = client.execute(CreateForumTopic.builder().chatId(desk.id()).name("Case 43").build())
                .getMessageThreadId();
        Message card = client.execute(SendMessage.builder().chatId(desk.id()).messageThreadId(thread).text("card")
                .build());

        assertTrue(client.execute(CloseForumTopic.builder().chatId(desk.id()).messageThreadId(thread).build()));
        assertTrue(telegram.topics(desk.id()).get(0).get("is_closed").asBoolean());
        assertRejected(400, "Bad Request: TOPIC_CLOSED",
                SendMessage.builder().chatId(desk.id()).messageThreadId(thread).text("too late").build());
        assertRejected(400, "Bad Request: TOPIC_NOT_MODIFIED",
                CloseForumTopic.builder().chatId(desk.id()).messageThreadId(thread).build());
        // what is already in the topic can still be edited (the case card follows the case)
        client.execute(EditMessageText.builder().chatId(desk.id()).messageId(card.getMessageId()).text("card, merged")
                .build());

        assertTrue(client.execute(ReopenForumTopic.builder().chatId(desk.id()).messageThreadId(thread).build()));
        assertFalse(telegram.topics(desk.id()).get(0).get("is_closed").asBoolean());
        client.execute(SendMessage.builder().chatId(desk.id()).messageThreadId(thread).text("back").build());
        assertRejected(400, "Bad Request: TOPIC_NOT_MODIFIED",
                ReopenForumTopic.builder().chatId(desk.id()).messageThreadId(thread).build());
        assertEquals(2, telegram.sentMessages(desk.id(), thread).size());
    }

    @Test
    void invalidMessagesAreRejectedLikeTelegramDoes() {
        assertRejected(400, "Bad Request: can't parse entities: Unsupported start tag \"foo\" at byte offset 0",
                SendMessage.builder().chatId(alice.id()).text("<foo>x</foo>").parseMode("HTML").build());
        assertRejected(400, "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
                SendMessage.builder().chatId(alice.id()).text("<b>bold").parseMode("HTML").build());
        assertRejected(400, "Bad Request: can't parse entities: Unclosed start tag at byte offset 2",
                SendMessage.builder().chatId(alice.id()).text("1 <3 tea").parseMode("HTML").build());
        assertRejected(400, "Bad Request: chat not found", SendMessage.builder().chatId(424242L).text("hi").build());
        // telegrambots refuses an empty text itself; skip its check to see what Telegram says.
        assertRejected(400, "Bad Request: message text is empty", new SendMessage(String.valueOf(alice.id()), "") {
            @Override
            public void validate() {
            }
        });
        assertRejected(400, "Bad Request: message is too long",
                SendMessage.builder().chatId(alice.id()).text("茶".repeat(4097)).build());
        assertRejected(400, "Bad Request: BUTTON_DATA_INVALID", SendMessage.builder().chatId(alice.id()).text("hi")
                .replyMarkup(keyboard("Too long", "x".repeat(65))).build());
        assertRejected(400, "Bad Request: unsupported parse_mode",
                SendMessage.builder().chatId(alice.id()).text("hi").parseMode("html5").build());
        assertEquals(8, telegram.rejectedCalls().size());
        assertTrue(telegram.sentMessages(alice.id()).isEmpty());
    }

    @Test
    void fourThousandNinetySixCharactersAfterParsingAreFine() throws TelegramApiException {
        client.execute(SendMessage.builder().chatId(alice.id()).text("<i>" + "a".repeat(4096) + "</i>").parseMode("HTML").build());
        assertEquals(4096, telegram.sentMessages(alice.id()).get(0).text().length());
    }

    @Test
    void photoUploadArrivesAsMultipart() throws TelegramApiException {
        Message photo = client.execute(SendPhoto.builder().chatId(alice.id()).caption("receipt")
                .photo(new InputFile(new ByteArrayInputStream(new byte[] {1, 2, 3}), "receipt.png")).build());

        assertNotNull(photo.getPhoto());
        assertEquals("receipt", photo.getCaption());
        assertEquals("receipt.png", telegram.calls("sendPhoto").get(0).params().get("photo")
                .get(SpecValidator.UPLOAD_MARK).asText());
    }

    @Test
    void aCallbackQueryCanBeAnsweredOnce() throws TelegramApiException {
        Message menu = client.execute(SendMessage.builder().chatId(alice.id()).text("Menu")
                .replyMarkup(keyboard("Go", "go")).build());
        FakeUpdate press = telegram.userPresses(alice, menu.getMessageId(), "go");
        String queryId = press.payload().get("id").asText();

        assertTrue(client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).build()));
        assertRejected(400, "Bad Request: query is too old and response timeout expired or query ID is invalid",
                AnswerCallbackQuery.builder().callbackQueryId(queryId).build());
    }

    private static InlineKeyboardMarkup keyboard(String text, String data) {
        return InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text(text).callbackData(data).build()))
                .build();
    }

    private <T extends Serializable> void assertRejected(int code, String descriptionStart, BotApiMethod<T> method) {
        TelegramApiRequestException e = assertThrows(TelegramApiRequestException.class, () -> client.execute(method));
        assertEquals(code, e.getErrorCode());
        assertTrue(e.getApiResponse().startsWith(descriptionStart), () -> "was: " + e.getApiResponse());
    }
}
