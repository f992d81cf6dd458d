package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Answers a validated call: the modelled methods, and {@code true} for every other method of the spec. */
final class BotMethods {

    /** What every file the fake hands out holds (a 1×1 PNG): served at /file/bot<token>/<file_path>. */
    public static final byte[] FILE_BYTES = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private final BotApiSpec spec;
    private final FakeChats chats;
    private final UpdateQueue updates;
    private final MessageMethods messages;
    private final WebhookPusher webhook;
    private final Map<String, JsonNode> commands = new ConcurrentHashMap<>();

    BotMethods(BotApiSpec spec, FakeChats chats, UpdateQueue updates, MessageMethods messages,
            WebhookPusher webhook) {
        this.spec = spec;
        this.webhook = webhook;
        this.chats = chats;
        this.updates = updates;
        this.messages = messages;
    }

    /** @return the result, or null when the method is not modelled (answered with true, unchecked) */
    JsonNode call(String method, ObjectNode p) throws InterruptedException {
        return switch (method) {
            case "getMe" -> chats.bot().toJson().put("can_join_groups", true).put("can_read_all_group_messages", false)
                    .put("supports_inline_queries", false);
            case "getUpdates" -> getUpdates(p);
            case "setWebhook" -> webhook.set(p);
            case "deleteWebhook" -> webhook.delete(p);
            case "getWebhookInfo" -> webhook.info();
            case "setMyCommands" -> {
                commands.put(commandsKey(p), p.get("commands"));
                yield BooleanNode.TRUE;
            }
            case "getMyCommands" -> commands.getOrDefault(commandsKey(p), Json.MAPPER.createArrayNode());
            case "deleteMyCommands" -> {
                commands.remove(commandsKey(p));
                yield BooleanNode.TRUE;
            }
            case "getFile" -> Json.object().put("file_id", p.get("file_id").asText())
                    .put("file_unique_id", "u-" + p.get("file_id").asText()).put("file_size", FILE_BYTES.length)
                    .put("file_path", "files/" + p.get("file_id").asText());
            case "sendMessage" -> messages.sendMessage(p);
            case "sendPhoto" -> messages.sendMedia(method, "photo", p);
            case "sendDocument" -> messages.sendMedia(method, "document", p);
            case "editMessageText" -> messages.editMessageText(p);
            case "editMessageReplyMarkup" -> messages.editMessageReplyMarkup(p);
            case "deleteMessage" -> messages.deleteMessage(p);
            case "copyMessage", "forwardMessage" -> messages.copyOrForward(method, p);
            case "answerCallbackQuery" -> {
                if (!chats.openCallbackQueries.remove(p.get("callback_query_id").asText())) {
                    throw BotApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
                }
                yield BooleanNode.TRUE;
            }
            case "sendChatAction" -> {
                chats.requireThread(chats.resolve(p.get("chat_id")), p.hasNonNull("message_thread_id")
                        ? p.get("message_thread_id").asInt() : null);
                yield BooleanNode.TRUE;
            }
            case "createForumTopic" -> chats.createTopic(forum(p), p.get("name").asText(),
                    p.path("icon_color").asInt(0x6FB9F0), p.path("icon_custom_emoji_id").asText(null));
            case "editForumTopic", "closeForumTopic", "reopenForumTopic" -> changeTopic(method, p);
            case "deleteForumTopic" -> chats.deleteTopic(forum(p), p.get("message_thread_id").asInt());
            case "getChat" -> getChat(p);
            case "getChatMember" -> getChatMember(p);
            default -> null;
        };
    }

    private JsonNode getUpdates(ObjectNode p) throws InterruptedException {
        if (webhook.active()) {
            throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                    + "use deleteWebhook to delete the webhook first", null);
        }
        List<String> allowed = null;
        if (p.has("allowed_updates")) {
            allowed = new ArrayList<>();
            for (JsonNode type : p.get("allowed_updates")) {
                allowed.add(type.asText());
            }
        }
        int limit = Math.max(1, Math.min(100, p.path("limit").asInt(100)));
        long timeoutMillis = Math.max(0, p.path("timeout").asLong(0)) * 1000;
        Long offset = p.has("offset") ? p.get("offset").asLong() : null;
        ArrayNode result = Json.MAPPER.createArrayNode();
        updates.poll(offset, limit, timeoutMillis, allowed).forEach(result::add);
        return result;
    }

    private static String commandsKey(ObjectNode p) {
        return p.path("scope").path("type").asText("default") + "|" + p.path("scope").path("chat_id").asText("")
                + "|" + p.path("scope").path("user_id").asText("") + "|" + p.path("language_code").asText("");
    }

    private FakeChats.ChatState forum(ObjectNode p) {
        FakeChats.ChatState chat = chats.resolve(p.get("chat_id"));
        if (!chat.chat.isForum()) {
            throw BotApiError.badRequest("the chat is not a forum");
        }
        return chat;
    }

    private JsonNode changeTopic(String method, ObjectNode p) {
        FakeChats.ChatState chat = forum(p);
        int threadId = p.get("message_thread_id").asInt();
        synchronized (chats) {
            ObjectNode topic = chat.topics.get(threadId);
            if (topic == null) {
                throw BotApiError.badRequest("message thread not found");
            }
            boolean changed = switch (method) {
                case "closeForumTopic" -> chat.closedTopics.add(threadId);
                case "reopenForumTopic" -> chat.closedTopics.remove(threadId);
                default -> {
                    ObjectNode before = topic.deepCopy();
                    if (p.has("name")) {
                        topic.put("name", p.get("name").asText());
                    }
                    if (p.has("icon_custom_emoji_id")) {
                        topic.put("icon_custom_emoji_id", p.get("icon_custom_emoji_id").asText());
                    }
                    yield !before.equals(topic);
                }
            };
            if (!changed) {
                throw BotApiError.badRequest("TOPIC_NOT_MODIFIED");
            }
        }
        return BooleanNode.TRUE;
    }

    private JsonNode getChat(ObjectNode p) {
        FakeChat chat = chats.resolve(p.get("chat_id")).chat;
        ObjectNode info = chat.toJson().put("accent_color_id", 0).put("max_reaction_count", 11);
        info.set("accepted_gift_types", requiredBooleans("AcceptedGiftTypes", false));
        if (chat.isPrivate() && chat.user().languageCode() != null) {
            info.put("bio", "");
        }
        return info;
    }

    private JsonNode getChatMember(ObjectNode p) {
        FakeChats.ChatState chat = chats.resolve(p.get("chat_id"));
        long userId = p.get("user_id").asLong();
        if (userId == chats.bot().id()) {
            ObjectNode admin = requiredBooleans("ChatMemberAdministrator", true).put("status", "administrator")
                    .put("is_anonymous", false);
            admin.set("user", chats.bot().toJson());
            return admin;
        }
        FakeUser member = chat.chat.members().stream().filter(u -> u.id() == userId).findFirst().orElse(null);
        ObjectNode result = Json.object().put("status", member == null ? "left" : "member");
        result.set("user", member == null ? Json.object().put("id", userId).put("is_bot", false)
                .put("first_name", "User " + userId) : member.toJson());
        return result;
    }

    /** Types with many required flags (rights, gift types) are filled from the spec so they stay complete. */
    private ObjectNode requiredBooleans(String type, boolean value) {
        ObjectNode out = Json.object();
        spec.type(type).orElseThrow().fields().values().stream()
                .filter(f -> f.required() && f.types().equals(List.of("Boolean")))
                .forEach(f -> out.put(f.name(), value));
        return out;
    }
}
