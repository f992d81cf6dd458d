package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake over plain HTTP: routing, content types, validation errors, the update queue and faults. */
class FakeBotApiHttpTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeBotApiServer telegram;
    private FakeChat alice;

    @BeforeEach
    void start() {
        telegram = new FakeBotApiServer().start();
        alice = telegram.privateChat(1001, "Alice", "en");
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void unknownMethodIs404AndWrongTokenIs401() throws Exception {
        Reply notFound = json("sendTelepathy", "{}");
        assertEquals(404, notFound.status);
        assertEquals("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}", notFound.body.toString());

        HttpResponse<String> unauthorized = http.send(HttpRequest.newBuilder(
                URI.create(telegram.baseUrl() + "/bot1:wrong/getMe")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unauthorized.statusCode());
        assertEquals("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}", unauthorized.body());
        assertEquals(2, telegram.rejectedCalls().size());
    }

    @Test
    void methodNamesAreCaseInsensitive() throws Exception {
        assertEquals(200, json("SENDMESSAGE", "{\"chat_id\":1001,\"text\":\"hi\"}").status);
        assertEquals("sendMessage", telegram.calls().get(0).method());
    }

    @Test
    void wronglyTypedFieldsAreRejected() throws Exception {
        Reply boolChat = json("sendMessage", "{\"chat_id\":true,\"text\":\"hi\"}");
        assertEquals(400, boolChat.status);
        assertEquals("Bad Request: field \"chat_id\" must be of type Integer or String", boolChat.description());

        Reply notJson = json("sendMessage", "{\"chat_id\":1001,\"text\":\"hi\",\"reply_markup\":\"{not json\"}");
        assertEquals("Bad Request: can't parse reply keyboard markup JSON object", notJson.description());

        Reply noButtonText = json("sendMessage",
                "{\"chat_id\":1001,\"text\":\"hi\",\"reply_markup\":{\"inline_keyboard\":[[{\"callback_data\":\"x\"}]]}}");
        assertEquals("Bad Request: can't parse InlineKeyboardButton: Field \"text\" must be of type String",
                noButtonText.description());

        Reply missingChat = json("sendMessage", "{\"text\":\"hi\"}");
        assertEquals("Bad Request: chat_id is empty", missingChat.description());
        assertEquals(4, telegram.rejectedCalls().size());
        assertTrue(telegram.sentMessages(alice.id()).isEmpty());
    }

    @Test
    void formEncodedAndQueryStringCallsAreAccepted() throws Exception {
        String markup = URLEncoder.encode("{\"inline_keyboard\":[[{\"text\":\"OK\",\"callback_data\":\"ok\"}]]}",
                StandardCharsets.UTF_8);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(url("sendMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("chat_id=1001&text=%E4%BD%A0%E5%A5%BD&reply_markup=" + markup))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> query = http.send(HttpRequest.newBuilder(
                URI.create(url("sendMessage") + "?chat_id=1001&text=second&disable_notification=true")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, form.statusCode(), form.body());
        assertEquals(200, query.statusCode(), query.body());
        assertEquals("你好", telegram.sentMessages(1001).get(0).text());
        assertEquals("ok", telegram.sentMessages(1001).get(0).callbackData().get(0).get(0));
        assertEquals(2, Json.parseOrNull(query.body()).path("result").path("message_id").asInt());
    }

    @Test
    void getUpdatesConfirmsWithOffsetAndRedeliversOnRequest() throws Exception {
        FakeUpdate start = telegram.userSends(alice, "/start now");
        FakeUpdate hello = telegram.userSends(alice, "hello");
        assertEquals("bot_command", start.payload().path("entities").get(0).path("type").asText());
        assertEquals(6, start.payload().path("entities").get(0).path("length").asInt());

        JsonNode first = json("getUpdates", "{}").body.get("result");
        JsonNode again = json("getUpdates", "{\"offset\":" + start.updateId() + "}").body.get("result");
        JsonNode rest = json("getUpdates", "{\"offset\":" + hello.updateId() + ",\"limit\":5}").body.get("result");
        JsonNode none = json("getUpdates", "{\"offset\":" + (hello.updateId() + 1) + "}").body.get("result");

        assertEquals(2, first.size());
        assertEquals(2, again.size(), "unconfirmed updates are delivered again");
        assertEquals(1, rest.size());
        assertEquals(hello.updateId(), rest.get(0).get("update_id").asInt());
        assertEquals(0, none.size());

        telegram.redeliver(start.updateId());
        JsonNode redelivered = json("getUpdates", "{\"offset\":" + (hello.updateId() + 1) + "}").body.get("result");
        assertEquals(0, redelivered.size(), "a redelivered id below offset is confirmed again");
        telegram.redeliver(start.updateId());
        JsonNode seen = json("getUpdates", "{}").body.get("result");
        assertEquals(start.updateId(), seen.get(0).get("update_id").asInt());
        assertEquals("/start now", seen.get(0).path("message").path("text").asText());
    }

    @Test
    void longPollWakesOnInjectionAndTimesOutEmpty() throws Exception {
        long t0 = System.nanoTime();
        JsonNode empty = json("getUpdates", "{\"timeout\":1}").body.get("result");
        long waitedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, empty.size());
        assertTrue(waitedMillis >= 900, "waited only " + waitedMillis + " ms");

        CompletableFuture<Reply> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return json("getUpdates", "{\"timeout\":10}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(poll.isDone());
        telegram.userSends(alice, "wake up");
        // woken by the injection, not by its 10-s timeout: a poll that timed out would carry no update
        Reply woken = poll.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(1, woken.body.get("result").size(), "woken with the update");
        assertEquals("wake up", woken.body.get("result").get(0).path("message").path("text").asText());
    }

    @Test
    void allowedUpdatesFilterDelivery() throws Exception {
        telegram.userSends(alice, "text");
        JsonNode onlyCallbacks = json("getUpdates", "{\"allowed_updates\":[\"callback_query\"]}").body.get("result");
        JsonNode all = json("getUpdates", "{\"allowed_updates\":[]}").body.get("result");
        assertEquals(0, onlyCallbacks.size());
        assertEquals(1, all.size());
    }

    @Test
    void injectedFailuresLookLikeTelegrams() throws Exception {
        telegram.failNext("sendMessage", 1, 429, 7);
        telegram.failNext("sendMessage", 1, 502);

        Reply tooMany = json("sendmessage", "{\"chat_id\":1001,\"text\":\"a\"}");
        Reply badGateway = json("sendMessage", "{\"chat_id\":1001,\"text\":\"a\"}");
        Reply ok = json("sendMessage", "{\"chat_id\":1001,\"text\":\"a\"}");

        assertEquals(429, tooMany.status);
        assertEquals("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
                + "\"parameters\":{\"retry_after\":7}}", tooMany.body.toString());
        assertEquals(502, badGateway.status);
        assertEquals("Bad Gateway", badGateway.description());
        assertEquals(200, ok.status);
        assertEquals(2, telegram.injectedFailures().size());
        assertTrue(telegram.rejectedCalls().isEmpty());
    }

    @Test
    void floodControlAnswers429WhenEnabled() throws Exception {
        telegram.floodLimit(2);
        json("sendMessage", "{\"chat_id\":1001,\"text\":\"1\"}");
        json("sendMessage", "{\"chat_id\":1001,\"text\":\"2\"}");
        Reply third = json("sendMessage", "{\"chat_id\":1001,\"text\":\"3\"}");
        assertEquals(429, third.status);
        assertEquals(1, third.body.path("parameters").path("retry_after").asInt());
    }

    @Test
    void everyKindOfUserActionIsAValidUpdate() throws Exception {
        FakeUser staff = FakeUser.human(2001, "Wang", "zh");
        FakeChat desk = telegram.forumGroup(-100_777, "Desk", staff);
        int topic = telegram.createTopic(desk, "Case 1");
        FakeUpdate text = telegram.userSends(alice, "hi");
        telegram.userSharesContact(alice, "+8613800000000");
        telegram.userSendsPhoto(alice, "receipt");
        telegram.userSendsDocument(alice, "contract.pdf", null);
        telegram.userSendsSticker(alice, "🍵");
        telegram.userSendsVoice(alice, 3);
        telegram.userEditsMessage(alice, text.payload().get("message_id").asInt(), "hi again");
        FakeUpdate staffReply = telegram.staffWritesInTopic(desk, topic, staff, "On it");

        assertEquals(topic, staffReply.payload().get("message_thread_id").asInt());
        JsonNode updates = json("getUpdates", "{}").body.get("result");
        assertEquals(8, updates.size());
        assertEquals("hi again", updates.get(6).path("edited_message").path("text").asText());
    }

    private record Reply(int status, JsonNode body) {
        String description() {
            return body.path("description").asText();
        }
    }

    private URI url(String method) {
        return URI.create(telegram.baseUrl() + "/bot" + telegram.token() + "/" + method);
    }

    private Reply json(String method, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), Json.parseOrNull(response.body()));
    }
}
