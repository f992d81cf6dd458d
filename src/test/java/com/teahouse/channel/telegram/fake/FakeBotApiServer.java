package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake Telegram Bot API server for tests: validates every call against the Bot API spec
 * ({@code telegram/bot-api-spec.json}), models chats, messages, forum topics and the update queue,
 * and lets the test inject user actions and failures.
 *
 * <p>telegrambots 9.x has no base-URL string; both its client and its long-polling session take a
 * {@link TelegramUrl} (schema, host, port) and build {@code <schema>://<host>:<port>/bot<token>/<method>}
 * from it, with lower-case paths for most methods ({@code /sendmessage}, {@code /getupdates}):
 * <pre>{@code
 * try (FakeBotApiServer telegram = new FakeBotApiServer().start()) {
 *     FakeChat alice = telegram.privateChat(1001, "Alice", "zh");
 *     TelegramClient client = new OkHttpTelegramClient(new OkHttpClient(), telegram.token(), telegram.telegramUrl());
 *     TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication();
 *     app.registerBot(telegram.token(), telegram::telegramUrl, new DefaultGetUpdatesGenerator(), myBot);
 *     telegram.userSends(alice, "/start");
 *     List<SentMessage> replies = telegram.awaitSent(alice.id(), 1, Duration.ofSeconds(5));
 *     assertThat(telegram.rejectedCalls()).isEmpty();
 * }
 * }</pre>
 * {@link #baseUrl()} ({@code http://127.0.0.1:<port>}) serves raw HTTP clients.
 */
public final class FakeBotApiServer implements AutoCloseable {
    public static final String DEFAULT_TOKEN = "123456789:AAFakeTeahouseTestToken";
    /** What every file downloaded after getFile holds. */
    public static final byte[] FILE_BYTES = BotMethods.FILE_BYTES;

    private final String token;
    private final BotApiSpec spec = BotApiSpec.load();
    private final SpecValidator validator = new SpecValidator(spec);
    private final FakeChats chats;
    private final UpdateQueue updates = new UpdateQueue(100_000_001);
    private final FaultPlan faults = new FaultPlan();
    private final CallLog log = new CallLog();
    private final UserActions users;
    private final BotMethods methods;
    private final WebhookPusher webhook;
    private HttpServer server;
    private ExecutorService executor;

    public FakeBotApiServer() {
        this(DEFAULT_TOKEN, "teahouse_test_bot");
    }

    public FakeBotApiServer(String token, String botUsername) {
        this.token = token;
        long botId = Long.parseLong(token.substring(0, token.indexOf(':')));
        this.chats = new FakeChats(new FakeUser(botId, "Teahouse", null, true, botUsername), Clock.systemUTC());
        this.users = new UserActions(chats, updates, validator);
        this.webhook = new WebhookPusher(updates);
        this.methods = new BotMethods(spec, chats, updates, new MessageMethods(chats, faults, log), webhook);
    }

    public synchronized FakeBotApiServer start() {
        // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK: ~40 ms per call,
        // which Telegram's servers do not add. Read once, when the server class initialises.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Long polls park a thread each, so the pool must grow; daemon threads never block JVM exit.
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new BotApiHttpHandler(token, spec, validator, methods, faults, log));
        server.start();
        return this;
    }

    @Override
    public synchronized void close() {
        faults.releaseHeldReplies();
        faults.resume();
        updates.close();
        webhook.close();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", server.getAddress().getPort(), false);
    }

    public String token() {
        return token;
    }

    public FakeUser bot() {
        return chats.bot();
    }

    public String specVersion() {
        return spec.version();
    }

    // ---- the world -------------------------------------------------------------------------

    public FakeChat privateChat(long userId, String firstName, String languageCode) {
        return chats.register(FakeChat.privateWith(FakeUser.human(userId, firstName, languageCode)));
    }

    public FakeChat forumGroup(long chatId, String title, FakeUser... members) {
        return chats.register(FakeChat.forum(chatId, title, Arrays.asList(members)));
    }

    /** An ordinary group (not a forum) with these members; the bot is in it. */
    public FakeChat group(long chatId, String title, FakeUser... members) {
        return chats.register(new FakeChat(chatId, "group", title, null, false, Arrays.asList(members)));
    }

    /** Creates a topic as if an admin did; returns its message_thread_id. */
    public int createTopic(FakeChat forum, String name) {
        return chats.createTopic(chats.state(forum), name, 0x6FB9F0, null).get("message_thread_id").asInt();
    }

    /** The message as it is now (after edits), or null if deleted or never sent. */
    public JsonNode message(long chatId, int messageId) {
        synchronized (chats) {
            ObjectNode m = chats.find(chatId).map(s -> s.messages.get(messageId)).orElse(null);
            return m == null ? null : m.deepCopy();
        }
    }

    /** ForumTopic objects of a forum, plus {@code is_closed}. */
    public List<JsonNode> topics(long chatId) {
        synchronized (chats) {
            FakeChats.ChatState s = chats.find(chatId).orElseThrow();
            return s.topics.values().stream().map(t -> (JsonNode) t.deepCopy()
                    .put("is_closed", s.closedTopics.contains(t.get("message_thread_id").asInt()))).toList();
        }
    }

    // ---- what users and staff do ------------------------------------------------------------

    public FakeUpdate userSends(FakeChat chat, String text) {
        return users.sends(chat, chat.user(), null, text);
    }

    public FakeUpdate userSends(FakeChat chat, FakeUser from, String text) {
        return users.sends(chat, from, null, text);
    }

    public FakeUpdate staffWritesInTopic(FakeChat group, int threadId, FakeUser staff, String text) {
        return users.sends(group, staff, threadId, text);
    }

    public FakeUpdate userPresses(FakeChat chat, int messageId, String callbackData) {
        return users.presses(chat, chat.user(), messageId, callbackData);
    }

    public FakeUpdate userPresses(FakeChat chat, FakeUser from, int messageId, String callbackData) {
        return users.presses(chat, from, messageId, callbackData);
    }

    public FakeUpdate userSharesContact(FakeChat chat, String phoneNumber) {
        ObjectNode contact = Json.object().put("phone_number", phoneNumber).put("first_name", chat.user().firstName())
                .put("user_id", chat.user().id());
        return users.sendsContent(chat, chat.user(), "contact", contact, null);
    }

    public FakeUpdate userSendsPhoto(FakeChat chat, String caption) {
        return users.sendsContent(chat, chat.user(), "photo", users.file("photo").put("width", 800).put("height", 600), caption);
    }

    public FakeUpdate userSendsDocument(FakeChat chat, String fileName, String caption) {
        return users.sendsContent(chat, chat.user(), "document", users.file("doc").put("file_name", fileName), caption);
    }

    public FakeUpdate userSendsSticker(FakeChat chat, String emoji) {
        ObjectNode sticker = users.file("sticker").put("type", "regular").put("width", 512).put("height", 512)
                .put("is_animated", false).put("is_video", false).put("emoji", emoji);
        return users.sendsContent(chat, chat.user(), "sticker", sticker, null);
    }

    public FakeUpdate userSendsVoice(FakeChat chat, int durationSeconds) {
        return users.sendsContent(chat, chat.user(), "voice", users.file("voice").put("duration", durationSeconds), null);
    }

    public FakeUpdate userEditsMessage(FakeChat chat, int messageId, String newText) {
        return users.edits(chat, messageId, newText);
    }

    /** Delivers an update again with the same update_id, as Telegram may (at-least-once). */
    public FakeUpdate redeliver(int updateId) {
        return users.redeliver(updateId);
    }

    // ---- webhook ------------------------------------------------------------------------------

    /** getWebhookInfo as Telegram would answer it now. */
    public JsonNode webhookInfo() {
        return webhook.info();
    }

    /** Every POST to the webhook so far: update id, HTTP status (0: no answer) and the error recorded. */
    public List<WebhookPusher.Push> webhookPushes() {
        return webhook.pushes();
    }

    /** Updates not yet delivered (for a webhook: not yet answered 2xx). */
    public int pendingUpdates() {
        return updates.pendingCount();
    }

    // ---- faults -----------------------------------------------------------------------------

    /** The next {@code times} calls of {@code method} fail with 429 and parameters.retry_after. */
    public void failNext(String method, int times, int errorCode, int retryAfterSeconds) {
        faults.failNext(method, times, FaultPlan.errorFor(errorCode, retryAfterSeconds));
    }

    /** The next {@code times} calls fail with Telegram's text for the code (502 "Bad Gateway", 403 blocked, ...). */
    public void failNext(String method, int times, int errorCode) {
        faults.failNext(method, times, FaultPlan.errorFor(errorCode, null));
    }

    /** Every call of {@code method} ("*" for all) waits this long before it is answered. */
    public void delay(String method, Duration delay) {
        faults.delay(method, delay);
    }

    /**
     * The next {@code times} calls of {@code method} are carried out (a topic is created, a message sent) but
     * their reply is held back until {@link #releaseHeldReplies()}, then answered 502: the bot never learns the
     * result, as when it is killed between Telegram's reply and recording it.
     */
    public void holdReplies(String method, int times) {
        faults.holdReplies(method, times);
    }

    public void releaseHeldReplies() {
        faults.releaseHeldReplies();
    }

    /**
     * The next {@code times} calls of {@code method} wait before they are carried out until
     * {@link #resumePaused()}: a call Telegram acts on only after a later one (an instance frozen mid-call).
     */
    public void pauseNext(String method, int times) {
        faults.pauseNext(method, times);
    }

    /** How many calls are waiting in a pause now. */
    public int pausedCalls() {
        return faults.pausedNow();
    }

    public void resumePaused() {
        faults.resume();
    }

    /** More than this many bot messages per second to one chat get 429 (0 = off, the default). */
    public void floodLimit(int messagesPerSecondPerChat) {
        faults.floodLimit(messagesPerSecondPerChat);
    }

    // ---- what the bot did ----------------------------------------------------------------------

    public List<RecordedCall> calls() {
        return log.accepted();
    }

    public List<RecordedCall> calls(String method) {
        return log.accepted().stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    /** Calls Telegram would have refused (401, 404, 400, flood 429); empty when the bot behaves. */
    public List<RecordedCall> rejectedCalls() {
        return log.rejected();
    }

    /** Calls answered with a failure the test planned via {@link #failNext}. */
    public List<RecordedCall> injectedFailures() {
        return log.injected();
    }

    public List<SentMessage> sentMessages(long chatId) {
        return log.sent(CallLog.inChat(chatId, null));
    }

    public List<SentMessage> sentMessages(long chatId, int threadId) {
        return log.sent(CallLog.inChat(chatId, threadId));
    }

    public List<SentMessage> awaitSent(long chatId, int count, Duration timeout) {
        return log.awaitSent(CallLog.inChat(chatId, null), count, timeout, "chat " + chatId);
    }

    public List<SentMessage> awaitSent(long chatId, int threadId, int count, Duration timeout) {
        return log.awaitSent(CallLog.inChat(chatId, threadId), count, timeout, "chat " + chatId + " topic " + threadId);
    }

    /** Returns once a request of this method has arrived, before it is answered (e.g. a long poll in progress). */
    public void awaitRequest(String method, Duration timeout) {
        log.awaitReceived(method, timeout);
    }

    public RecordedCall awaitCall(String method, Duration timeout) {
        return log.awaitCall(method, timeout);
    }
}
