package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/** The methods that create or change messages; each result is the Message Telegram would return. */
final class MessageMethods {
    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
            + "markup are exactly the same as a current content and reply markup of the message";

    private final FakeChats chats;
    private final FaultPlan faults;
    private final CallLog log;
    private final AtomicLong fileIds = new AtomicLong(1);

    MessageMethods(FakeChats chats, FaultPlan faults, CallLog log) {
        this.chats = chats;
        this.faults = faults;
        this.log = log;
    }

    JsonNode sendMessage(ObjectNode p) {
        FakeChats.ChatState chat = target(p);
        TelegramRules.Formatted text = TelegramRules.text(p);
        TelegramRules.checkReplyMarkup(p.get("reply_markup"));
        ObjectNode message = newBotMessage(chat, p);
        setText(message, "text", "entities", text);
        return sent("sendMessage", chat, message, p);
    }

    JsonNode sendMedia(String method, String field, ObjectNode p) {
        FakeChats.ChatState chat = target(p);
        TelegramRules.Formatted caption = TelegramRules.caption(p);
        TelegramRules.checkReplyMarkup(p.get("reply_markup"));
        ObjectNode message = newBotMessage(chat, p);
        JsonNode input = p.get(field);
        if (input.asText("").startsWith("attach://")) {
            throw BotApiError.badRequest("wrong file identifier/HTTP URL specified");
        }
        String name = input.has(SpecValidator.UPLOAD_MARK) ? input.get(SpecValidator.UPLOAD_MARK).asText() : "file";
        ObjectNode file = Json.object().put("file_id", "fake-file-" + fileIds.getAndIncrement())
                .put("file_unique_id", "fake-unique-" + fileIds.get());
        if (field.equals("photo")) {
            message.putArray("photo").add(file.put("width", 640).put("height", 480));
        } else {
            message.set(field, file.put("file_name", name));
        }
        setText(message, "caption", "caption_entities", caption);
        return sent(method, chat, message, p);
    }

    JsonNode editMessageText(ObjectNode p) {
        if (p.has("inline_message_id")) {
            return BooleanNode.TRUE;
        }
        TelegramRules.Formatted text = TelegramRules.text(p);
        TelegramRules.checkReplyMarkup(p.get("reply_markup"));
        synchronized (chats) {
            ObjectNode message = botMessageToEdit(p);
            JsonNode markup = TelegramRules.storedMarkup(p.get("reply_markup"));
            if (text.text().equals(message.path("text").asText(null))
                    && Objects.equals(text.entities().isEmpty() ? null : text.entities(), message.get("entities"))
                    && Objects.equals(markup, message.get("reply_markup"))) {
                throw BotApiError.badRequest(NOT_MODIFIED);
            }
            setText(message, "text", "entities", text);
            setMarkup(message, markup);
            message.put("edit_date", chats.nowMillis() / 1000);
            return message.deepCopy();
        }
    }

    JsonNode editMessageReplyMarkup(ObjectNode p) {
        if (p.has("inline_message_id")) {
            return BooleanNode.TRUE;
        }
        TelegramRules.checkReplyMarkup(p.get("reply_markup"));
        synchronized (chats) {
            ObjectNode message = botMessageToEdit(p);
            JsonNode markup = TelegramRules.storedMarkup(p.get("reply_markup"));
            if (Objects.equals(markup, message.get("reply_markup"))) {
                throw BotApiError.badRequest(NOT_MODIFIED);
            }
            setMarkup(message, markup);
            message.put("edit_date", chats.nowMillis() / 1000);
            return message.deepCopy();
        }
    }

    JsonNode deleteMessage(ObjectNode p) {
        FakeChats.ChatState chat = chats.resolve(p.get("chat_id"));
        synchronized (chats) {
            if (chat.messages.remove(p.get("message_id").asInt()) == null) {
                throw BotApiError.badRequest("message to delete not found");
            }
        }
        return BooleanNode.TRUE;
    }

    JsonNode copyOrForward(String method, ObjectNode p) {
        FakeChats.ChatState from = chats.resolve(p.get("from_chat_id"));
        boolean copy = method.equals("copyMessage");
        ObjectNode source = chats.message(from, p.get("message_id").asInt(),
                copy ? "message to copy not found" : "message to forward not found");
        FakeChats.ChatState chat = target(p);
        ObjectNode message = newBotMessage(chat, p);
        for (String content : new String[] {"text", "entities", "caption", "caption_entities", "photo", "document",
                "sticker", "voice", "contact"}) {
            if (source.has(content)) {
                message.set(content, source.get(content).deepCopy());
            }
        }
        if (copy && p.has("caption")) {
            setText(message, "caption", "caption_entities", TelegramRules.caption(p));
        }
        if (!copy) {
            message.set("forward_origin", Json.object().put("type", "user").put("date", source.get("date").asLong())
                    .set("sender_user", source.get("from")));
        }
        JsonNode stored = sent(method, chat, message, p);
        return copy ? Json.object().put("message_id", stored.get("message_id").asInt()) : stored;
    }

    private FakeChats.ChatState target(ObjectNode p) {
        FakeChats.ChatState chat = chats.resolve(p.get("chat_id"));
        chats.requireThread(chat, threadId(p));
        chats.requireOpenThread(chat, threadId(p));
        faults.checkFlood(chat, chats.nowMillis());
        return chat;
    }

    private ObjectNode newBotMessage(FakeChats.ChatState chat, ObjectNode p) {
        JsonNode replyTo = p.path("reply_parameters").path("message_id");
        ObjectNode repliedTo = null;
        if (!replyTo.isMissingNode()) {
            repliedTo = chats.message(chat, replyTo.asInt(), "message to be replied not found").deepCopy();
        }
        if (repliedTo == null && threadId(p) != null && chat.chat.isForum()) {
            // like Telegram: a message in a topic that answers nothing is a reply to the topic's "created" message
            repliedTo = chats.message(chat, threadId(p), "message thread not found").deepCopy();
        }
        ObjectNode message = chats.newMessage(chat, chats.bot(), threadId(p));
        if (repliedTo != null) {
            message.set("reply_to_message", repliedTo);
        }
        return message;
    }

    private ObjectNode botMessageToEdit(ObjectNode p) {
        if (!p.has("message_id")) {
            throw BotApiError.badRequest("message identifier is not specified");
        }
        FakeChats.ChatState chat = chats.resolve(p.get("chat_id"));
        ObjectNode message = chats.message(chat, p.get("message_id").asInt(), "message to edit not found");
        if (message.path("from").path("id").asLong() != chats.bot().id()) {
            throw BotApiError.badRequest("message can't be edited");
        }
        return message;
    }

    private JsonNode sent(String method, FakeChats.ChatState chat, ObjectNode message, ObjectNode p) {
        setMarkup(message, TelegramRules.storedMarkup(p.get("reply_markup")));
        String text = message.has("text") ? message.get("text").asText() : message.path("caption").asText(null);
        log.sent(new SentMessage(method, chat.chat.id(), message.get("message_id").asInt(), threadId(p), text,
                p.get("reply_markup"), message.deepCopy()));
        return message.deepCopy();
    }

    private static void setText(ObjectNode message, String field, String entitiesField, TelegramRules.Formatted f) {
        message.remove(java.util.List.of(field, entitiesField));
        if (!f.text().isEmpty()) {
            message.put(field, f.text());
        }
        if (!f.entities().isEmpty()) {
            message.set(entitiesField, f.entities());
        }
    }

    private static void setMarkup(ObjectNode message, JsonNode markup) {
        if (markup == null) {
            message.remove("reply_markup");
        } else {
            message.set("reply_markup", markup);
        }
    }

    private static Integer threadId(ObjectNode p) {
        return p.hasNonNull("message_thread_id") ? p.get("message_thread_id").asInt() : null;
    }
}
