package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A chat the test registered: a private chat with one user, or a (forum) supergroup with members.
 * {@code user} is the private chat's counterpart and null for groups.
 */
public record FakeChat(long id, String type, String title, FakeUser user, boolean isForum, List<FakeUser> members) {

    public static FakeChat privateWith(FakeUser user) {
        return new FakeChat(user.id(), "private", null, user, false, List.of(user));
    }

    public static FakeChat forum(long id, String title, List<FakeUser> members) {
        return new FakeChat(id, "supergroup", title, null, true, List.copyOf(members));
    }

    public boolean isPrivate() {
        return "private".equals(type);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object().put("id", id).put("type", type);
        if (isPrivate()) {
            json.put("first_name", user.firstName());
        } else {
            json.put("title", title);
        }
        if (isForum) {
            json.put("is_forum", true);
        }
        return json;
    }
}
