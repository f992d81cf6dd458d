package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.atomic.AtomicLong;

/** Builds the updates a test injects: what users and staff do in the registered chats. */
final class UserActions {
    private final FakeChats chats;
    private final UpdateQueue updates;
    private final SpecValidator validator;
    private final AtomicLong ids = new AtomicLong(1);

    UserActions(FakeChats chats, UpdateQueue updates, SpecValidator validator) {
        this.chats = chats;
        this.updates = updates;
        this.validator = validator;
    }

    FakeUpdate sends(FakeChat chat, FakeUser from, Integer threadId, String text) {
        ObjectNode message = message(chat, from, threadId);
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            message.putArray("entities").add(Json.object().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end));
        }
        return publish("message", message);
    }

    FakeUpdate sendsContent(FakeChat chat, FakeUser from, String field, ObjectNode content, String caption) {
        ObjectNode message = message(chat, from, null);
        if (field.equals("photo")) {
            message.putArray("photo").add(content);
        } else {
            message.set(field, content);
        }
        if (caption != null) {
            message.put("caption", caption);
        }
        return publish("message", message);
    }

    ObjectNode file(String kind) {
        long n = ids.getAndIncrement();
        return Json.object().put("file_id", "user-" + kind + "-" + n).put("file_unique_id", "u-" + kind + "-" + n);
    }

    FakeUpdate presses(FakeChat chat, FakeUser from, int messageId, String data) {
        ObjectNode message = chats.state(chat).messages.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId + " in chat " + chat.id());
        }
        String queryId = Long.toString(4_000_000_000L + ids.getAndIncrement());
        chats.openCallbackQueries.add(queryId);
        ObjectNode query = Json.object().put("id", queryId);
        query.set("from", from.toJson());
        query.set("message", message.deepCopy());
        query.put("chat_instance", "ci" + chat.id());
        query.put("data", data);
        return publish("callback_query", query);
    }

    FakeUpdate edits(FakeChat chat, int messageId, String newText) {
        ObjectNode edited;
        synchronized (chats) {
            ObjectNode message = chats.state(chat).messages.get(messageId);
            if (message == null || message.path("from").path("is_bot").asBoolean()) {
                throw new IllegalArgumentException("no user message " + messageId + " in chat " + chat.id());
            }
            message.put("text", newText).put("edit_date", chats.nowMillis() / 1000);
            message.remove("entities");
            edited = message.deepCopy();
        }
        return publish("edited_message", edited);
    }

    FakeUpdate redeliver(int updateId) {
        return updates.redeliver(updateId);
    }

    private ObjectNode message(FakeChat chat, FakeUser from, Integer threadId) {
        FakeChats.ChatState state = chats.state(chat);
        if (threadId != null && !state.topics.containsKey(threadId)) {
            throw new IllegalArgumentException("no topic " + threadId + " in chat " + chat.id());
        }
        return chats.newMessage(state, from, threadId);
    }

    private FakeUpdate publish(String type, ObjectNode payload) {
        FakeUpdate update = updates.add(type, payload.deepCopy());
        validator.checkObject("Update", update.json());
        return update;
    }
}
