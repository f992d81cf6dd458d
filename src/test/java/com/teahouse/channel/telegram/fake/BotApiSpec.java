package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Bot API as data (names, field types, required flags, return types), loaded from
 * {@code telegram/bot-api-spec.json}, so that the fake cannot accept a call Telegram would reject.
 */
public final class BotApiSpec {
    public record Field(String name, List<String> types, boolean required) {
    }

    public record Method(String name, List<String> returns, Map<String, Field> fields) {
    }

    public record Type(String name, Map<String, Field> fields, List<String> subtypes) {
        boolean isAbstract() {
            return !subtypes.isEmpty();
        }
    }

    private static final String RESOURCE = "/telegram/bot-api-spec.json";
    private static volatile BotApiSpec instance;

    private final String version;
    private final Map<String, Method> methodsByLowerName = new HashMap<>();
    private final Map<String, Type> types = new HashMap<>();

    private BotApiSpec(JsonNode root) {
        version = root.path("version").asText();
        root.path("methods").fields().forEachRemaining(e -> {
            List<String> returns = strings(e.getValue().path("returns"));
            methodsByLowerName.put(e.getKey().toLowerCase(Locale.ROOT),
                    new Method(e.getKey(), returns, fields(e.getValue())));
        });
        root.path("types").fields().forEachRemaining(e -> types.put(e.getKey(),
                new Type(e.getKey(), fields(e.getValue()), strings(e.getValue().path("subtypes")))));
    }

    public static BotApiSpec load() {
        if (instance == null) {
            try (InputStream in = BotApiSpec.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + RESOURCE);
                }
                instance = new BotApiSpec(Json.MAPPER.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String version() {
        return version;
    }

    /** Telegram matches method names case-insensitively; telegrambots relies on it ({@code /sendmessage}). */
    public Optional<Method> method(String name) {
        return Optional.ofNullable(methodsByLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<Type> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public int methodCount() {
        return methodsByLowerName.size();
    }

    private static Map<String, Field> fields(JsonNode owner) {
        Map<String, Field> fields = new java.util.LinkedHashMap<>();
        for (JsonNode f : owner.path("fields")) {
            fields.put(f.path("name").asText(),
                    new Field(f.path("name").asText(), strings(f.path("types")), f.path("required").asBoolean()));
        }
        return fields;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
