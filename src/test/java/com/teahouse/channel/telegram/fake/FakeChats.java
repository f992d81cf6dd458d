package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's world: registered chats, their messages (message_id increasing per chat, like
 * Telegram) and forum topics. Callers synchronize on the instance for compound updates.
 */
final class FakeChats {
    static final class ChatState {
        final FakeChat chat;
        final TreeMap<Integer, ObjectNode> messages = new TreeMap<>();
        final Map<Integer, ObjectNode> topics = new LinkedHashMap<>();
        final java.util.Set<Integer> closedTopics = new java.util.HashSet<>();
        final Deque<Long> recentBotSends = new ArrayDeque<>();
        int nextMessageId = 1;

        ChatState(FakeChat chat) {
            this.chat = chat;
        }
    }

    private final Map<Long, ChatState> chats = new ConcurrentHashMap<>();
    /** Callback query ids the bot has not answered yet; Telegram accepts one answer per query. */
    final java.util.Set<String> openCallbackQueries = ConcurrentHashMap.newKeySet();
    private final FakeUser bot;
    private final Clock clock;

    FakeChats(FakeUser bot, Clock clock) {
        this.bot = bot;
        this.clock = clock;
    }

    FakeUser bot() {
        return bot;
    }

    FakeChat register(FakeChat chat) {
        chats.put(chat.id(), new ChatState(chat));
        return chat;
    }

    Optional<ChatState> find(long chatId) {
        return Optional.ofNullable(chats.get(chatId));
    }

    ChatState state(FakeChat chat) {
        return find(chat.id()).orElseThrow(() -> new IllegalArgumentException("chat not registered: " + chat.id()));
    }

    /** chat_id may be an Integer or "@username"; the fake's chats have no usernames, so those are unknown. */
    ChatState resolve(JsonNode chatId) {
        String text = chatId == null ? "" : chatId.asText();
        if (!text.matches("-?\\d{1,19}")) {
            throw BotApiError.badRequest("chat not found");
        }
        return find(Long.parseLong(text)).orElseThrow(() -> BotApiError.badRequest("chat not found"));
    }

    ObjectNode message(ChatState state, int messageId, String notFound) {
        ObjectNode message = state.messages.get(messageId);
        if (message == null) {
            throw BotApiError.badRequest(notFound);
        }
        return message;
    }

    void requireThread(ChatState state, Integer threadId) {
        if (threadId != null && !state.topics.containsKey(threadId)) {
            throw BotApiError.badRequest("message thread not found");
        }
    }

    /**
     * A closed topic takes no new messages from the bot: Telegram answers 400 "Bad Request: TOPIC_CLOSED" until it
     * is reopened (editing the messages already in it still works).
     */
    synchronized void requireOpenThread(ChatState state, Integer threadId) {
        if (threadId != null && state.closedTopics.contains(threadId)) {
            throw BotApiError.badRequest("TOPIC_CLOSED");
        }
    }

    /** A new message skeleton with the next message_id; the caller adds content, then it is stored. */
    synchronized ObjectNode newMessage(ChatState state, FakeUser from, Integer threadId) {
        ObjectNode message = Json.object();
        message.put("message_id", state.nextMessageId++);
        message.set("from", from.toJson());
        message.set("chat", state.chat.toJson());
        message.put("date", clock.instant().getEpochSecond());
        if (threadId != null) {
            message.put("message_thread_id", threadId);
            if (state.chat.isForum()) {
                message.put("is_topic_message", true);
            }
        }
        state.messages.put(message.get("message_id").asInt(), message);
        return message;
    }

    /** Like Telegram, a topic is born with a service message whose id becomes the topic's thread id. */
    synchronized ObjectNode createTopic(ChatState state, String name, int iconColor, String iconEmojiId) {
        ObjectNode created = Json.object().put("name", name).put("icon_color", iconColor);
        ObjectNode service = newMessage(state, bot, null);
        int threadId = service.get("message_id").asInt();
        service.put("message_thread_id", threadId).put("is_topic_message", true);
        service.set("forum_topic_created", created);
        ObjectNode topic = Json.object().put("message_thread_id", threadId).put("name", name).put("icon_color", iconColor);
        if (iconEmojiId != null) {
            topic.put("icon_custom_emoji_id", iconEmojiId);
            created.put("icon_custom_emoji_id", iconEmojiId);
        }
        state.topics.put(threadId, topic);
        return topic.deepCopy();
    }

    /** Telegram deletes a topic with all its messages, its "created" message too. */
    synchronized JsonNode deleteTopic(ChatState state, int threadId) {
        if (state.topics.remove(threadId) == null) {
            throw BotApiError.badRequest("message thread not found");
        }
        state.closedTopics.remove(threadId);
        state.messages.values().removeIf(m -> m.path("message_thread_id").asInt(-1) == threadId);
        return com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
    }

    long nowMillis() {
        return clock.millis();
    }
}
