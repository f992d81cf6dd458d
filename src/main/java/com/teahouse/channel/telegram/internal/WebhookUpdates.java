package com.teahouse.channel.telegram.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Reads a webhook body as one Telegram Update: a JSON object with an integer {@code update_id} and exactly one
 * other field, which must be a kind of update the library knows. Anything else is refused with a reason that
 * never quotes the body (it may hold a person's message).
 */
final class WebhookUpdates {

    /** The body is not an Update; {@link #getMessage()} says why, without the body's content. */
    static final class NotAnUpdate extends Exception {
        NotAnUpdate(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Set<String> KINDS = Arrays.stream(Update.class.getDeclaredFields())
            .map(f -> f.getAnnotation(JsonProperty.class)).filter(Objects::nonNull).map(JsonProperty::value)
            .filter(name -> !"update_id".equals(name)).collect(Collectors.toUnmodifiableSet());

    private final ObjectMapper json = new ObjectMapper();

    Update read(byte[] body) throws NotAnUpdate {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw new NotAnUpdate("not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw new NotAnUpdate("not a JSON object");
        }
        JsonNode id = tree.get("update_id");
        if (id == null || !id.canConvertToInt() || !id.isIntegralNumber() || id.asInt() < 0) {
            throw new NotAnUpdate("no integer update_id");
        }
        if (tree.size() != 2) {
            throw new NotAnUpdate("expected update_id and one kind of update, got " + tree.size() + " fields");
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"update_id".equals(name) && !KINDS.contains(name)) {
                throw new NotAnUpdate("unknown kind of update");
            }
        }
        try {
            return json.treeToValue(tree, Update.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new NotAnUpdate("update " + id.asInt() + " does not fit the Update type ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
