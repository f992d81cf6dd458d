package com.teahouse.channel.telegram.fake;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real long-polling session against the fake: an injected /start reaches the bot, its reply comes back. */
class FakeBotApiLongPollingTest {

    @Test
    void startCommandReachesTheConsumerAndTheReplyIsRecorded() throws Exception {
        try (FakeBotApiServer telegram = new FakeBotApiServer().start()) {
            FakeChat alice = telegram.privateChat(1001, "Alice", "zh");
            TelegramClient client = new OkHttpTelegramClient(new OkHttpClient(), telegram.token(), telegram.telegramUrl());
            List<Update> received = new CopyOnWriteArrayList<>();
            LongPollingSingleThreadUpdateConsumer bot = update -> {
                received.add(update);
                try {
                    client.execute(SendMessage.builder().chatId(update.getMessage().getChatId())
                            .text("Welcome, " + update.getMessage().getFrom().getFirstName()).build());
                } catch (TelegramApiException e) {
                    throw new IllegalStateException(e);
                }
            };
            // Injected before or during the first long poll: either way it must arrive.
            try (TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication()) {
                app.registerBot(telegram.token(), telegram::telegramUrl, new DefaultGetUpdatesGenerator(), bot);

                FakeUpdate start = telegram.userSends(alice, "/start");
                List<SentMessage> replies = telegram.awaitSent(alice.id(), 1, Duration.ofSeconds(5));

                assertEquals("Welcome, Alice", replies.get(0).text());
                assertEquals(1, received.size());
                assertEquals(start.updateId(), received.get(0).getUpdateId());
                assertTrue(received.get(0).getMessage().isCommand());
                assertEquals(1, telegram.calls("deleteWebhook").size(), "BotSession deletes the webhook first");
                assertTrue(telegram.rejectedCalls().isEmpty(), () -> "rejected: " + telegram.rejectedCalls());
            }
        }
    }
}
