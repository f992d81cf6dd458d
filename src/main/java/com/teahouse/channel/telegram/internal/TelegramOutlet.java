package com.teahouse.channel.telegram.internal;

import com.teahouse.channel.telegram.TelegramChannel;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.messaging.Outbound;
import java.time.Duration;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.forum.CloseForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.ReopenForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Performs replies on Telegram. Every call to Telegram goes through here, so this is where its answers are read:
 * 429 waits for {@code retry_after}, 5xx and network failures retry with backoff, other 4xx fail for good.
 */
final class TelegramOutlet implements ChannelOutlet {

    private final TelegramClient client;
    private final TelegramRateLimits limits;
    private final TopicOpenings topics;

    TelegramOutlet(TelegramClient client, TelegramRateLimits limits, TopicOpenings topics) {
        this.client = client;
        this.limits = limits;
        this.topics = topics;
    }

    @Override
    public String channel() {
        return TelegramChannel.NAME;
    }

    @Override
    public Duration waitBeforeSend(Address to) {
        return limits.acquire(to);
    }

    @Override
    public Delivery deliver(Outbound out) {
        try {
            return switch (out.action()) {
                case ACK -> {
                    client.execute(AnswerCallbackQuery.builder().callbackQueryId(out.messageRef()).build());
                    yield Delivery.delivered();
                }
                case EDIT -> {
                    client.execute(edit(out));
                    yield Delivery.delivered(out.messageRef());
                }
                case SEND -> Delivery.delivered(send(out));
                case OPEN_THREAD -> Delivery.delivered(topics.open(out, topicName(out))); // once, even across a crash
                case CLOSE_THREAD -> {
                    client.execute(CloseForumTopic.builder().chatId(out.to().chat())
                            .messageThreadId(Integer.valueOf(out.to().thread())).build());
                    yield Delivery.delivered();
                }
                case REOPEN_THREAD -> {
                    client.execute(ReopenForumTopic.builder().chatId(out.to().chat())
                            .messageThreadId(Integer.valueOf(out.to().thread())).build());
                    yield Delivery.delivered();
                }
            };
        } catch (TelegramApiRequestException e) {
            return classify(out, e);
        } catch (TelegramApiException e) {
            return Delivery.retry(Duration.ZERO, "network: " + e.getMessage());
        }
    }

    /** Topic names are limited to 128 characters. */
    private static String topicName(Outbound out) {
        String name = out.text() == null ? "case" : out.text().plainText().strip();
        return name.isEmpty() ? "case" : name.length() > 128 ? name.substring(0, 127) + "…" : name;
    }

    private String send(Outbound out) throws TelegramApiException {
        Address to = out.to();
        Integer thread = to.thread() == null ? null : Integer.valueOf(to.thread());
        if (out.attachment() != null) {
            var a = out.attachment();
            // a file we made travels as its bytes (uploaded as multipart); a received one by its file_id
            var file = a.content() != null
                    ? new InputFile(new java.io.ByteArrayInputStream(a.content()), a.fileName())
                    : new InputFile(a.fileId());
            String caption = out.text() == null ? null : TelegramFormat.html(out.text());
            if ("photo".equals(out.attachment().kind())) {
                return String.valueOf(client.execute(SendPhoto.builder().chatId(to.chat()).messageThreadId(thread)
                        .photo(file).caption(caption).parseMode(ParseMode.HTML).build()).getMessageId());
            }
            return String.valueOf(client.execute(SendDocument.builder().chatId(to.chat()).messageThreadId(thread)
                    .document(file).caption(caption).parseMode(ParseMode.HTML).build()).getMessageId());
        }
        return String.valueOf(client.execute(SendMessage.builder().chatId(to.chat()).messageThreadId(thread).text(TelegramFormat.html(out.text()))
                .parseMode(ParseMode.HTML).replyMarkup(Keyboards.of(out.buttons())).build()).getMessageId());
    }

    private static EditMessageText edit(Outbound out) {
        return EditMessageText.builder().chatId(out.to().chat()).messageId(Integer.valueOf(out.messageRef()))
                .text(TelegramFormat.html(out.text())).parseMode(ParseMode.HTML)
                .replyMarkup(Keyboards.inline(out.buttons())).build();
    }

    private static Delivery classify(Outbound out, TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = e.getApiResponse() == null ? e.getMessage() : e.getApiResponse();
        if (code == 429) {
            int seconds = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                    ? e.getParameters().getRetryAfter() : 1;
            return Delivery.retry(Duration.ofSeconds(seconds), "429 " + description);
        }
        if (code >= 500 || code == 0) {
            return Delivery.retry(Duration.ZERO, code + " " + description);
        }
        // an edit that changes nothing, or a topic already closed (reopened): a repeat after a crash, done before
        if (description != null && (description.contains("message is not modified")
                || description.contains("TOPIC_NOT_MODIFIED"))) {
            return Delivery.delivered();
        }
        if (out.action() == Outbound.Action.ACK && description != null && description.contains("query is too old")) {
            return Delivery.delivered();
        }
        return Delivery.failed(code + " " + description);
    }
}
