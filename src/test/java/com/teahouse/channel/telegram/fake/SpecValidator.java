package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;
import java.util.Map;

/**
 * Checks call parameters (and, as a self-check, the fake's own results) against {@link BotApiSpec}.
 * Like Telegram, values are coerced: form fields arrive as strings, so "42" is an Integer and a
 * JSON-typed field may arrive as a JSON string; unknown fields are ignored.
 */
final class SpecValidator {
    /** Field name under which {@link RequestParser} marks an uploaded multipart file. */
    static final String UPLOAD_MARK = "__uploaded_file";

    private static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    private final BotApiSpec spec;

    SpecValidator(BotApiSpec spec) {
        this.spec = spec;
    }

    /** @return the known parameters, coerced to their spec types */
    ObjectNode validateCall(BotApiSpec.Method method, ObjectNode params) {
        ObjectNode out = Json.object();
        for (BotApiSpec.Field field : method.fields().values()) {
            JsonNode value = params.get(field.name());
            if (isEmpty(value)) {
                if (field.required()) {
                    throw BotApiError.badRequest(missingMessage(field));
                }
                continue;
            }
            try {
                out.set(field.name(), coerceAny(value, field.types(), field.name()));
            } catch (Mismatch m) {
                throw BotApiError.badRequest(m.getMessage() != null ? m.getMessage()
                        : "field \"" + field.name() + "\" must be of type " + String.join(" or ", field.types()));
            }
        }
        return out;
    }

    /** Keeps the fake honest: what it returns must deserialize as the spec's return type. */
    void checkResult(BotApiSpec.Method method, JsonNode result) {
        try {
            coerceAny(result, method.returns(), "result");
        } catch (Mismatch m) {
            throw new IllegalStateException("fake returned an invalid " + method.returns() + " for "
                    + method.name() + ": " + m.getMessage() + " in " + result);
        }
    }

    /** Keeps injected updates honest in the same way. */
    void checkObject(String type, JsonNode value) {
        try {
            coerceAny(value, List.of(type), type);
        } catch (Mismatch m) {
            throw new IllegalStateException("fake built an invalid " + type + ": " + m.getMessage() + " in " + value);
        }
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isTextual() && value.asText().isEmpty();
    }

    private static String missingMessage(BotApiSpec.Field field) {
        if (field.name().equals("text")) {
            return "message text is empty";
        }
        if (field.types().contains("InputFile")) {
            return "there is no " + field.name() + " in the request";
        }
        return field.name() + " is empty";
    }

    private JsonNode coerceAny(JsonNode value, List<String> types, String field) throws Mismatch {
        Mismatch first = null;
        Mismatch best = null;
        int bestScore = -1;
        for (String type : types) {
            try {
                return coerce(value, type, field);
            } catch (Mismatch m) {
                first = first == null ? m : first;
                int score = overlap(value, type);
                if (m.getMessage() != null && score > bestScore) {
                    best = m;
                    bestScore = score;
                }
            }
        }
        if (types.size() == 1) {
            throw first;
        }
        // For unions of object types (reply_markup) report the alternative the caller evidently meant.
        if (best != null && bestScore > 0) {
            throw best;
        }
        throw first.getMessage() != null && best != null ? first : new Mismatch(null);
    }

    private int overlap(JsonNode value, String type) {
        BotApiSpec.Type t = spec.type(type).orElse(null);
        if (t == null || !value.isObject()) {
            return 0;
        }
        int n = 0;
        for (String name : t.fields().keySet()) {
            n += value.has(name) ? 1 : 0;
        }
        return n;
    }

    private JsonNode coerce(JsonNode v, String type, String field) throws Mismatch {
        switch (type) {
            case "Integer":
                if (v.isIntegralNumber()) {
                    return v;
                }
                if (v.isTextual() && v.asText().matches("-?\\d{1,18}")) {
                    return LongNode.valueOf(Long.parseLong(v.asText()));
                }
                throw new Mismatch(null);
            case "Float":
                if (v.isNumber()) {
                    return v;
                }
                if (v.isTextual() && v.asText().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                    return DoubleNode.valueOf(Double.parseDouble(v.asText()));
                }
                throw new Mismatch(null);
            case "Boolean":
            case "True":
                if (v.isBoolean()) {
                    return v;
                }
                String s = v.asText();
                if (v.isValueNode() && (s.equals("true") || s.equals("1"))) {
                    return BooleanNode.TRUE;
                }
                if (v.isValueNode() && (s.equals("false") || s.equals("0"))) {
                    return BooleanNode.FALSE;
                }
                throw new Mismatch(null);
            case "String":
                if (v.isTextual()) {
                    return v;
                }
                if (v.isNumber()) {
                    return TextNode.valueOf(v.asText());
                }
                throw new Mismatch(null);
            case "InputFile":
                if (v.isTextual() || v.isObject() && v.has(UPLOAD_MARK)) {
                    return v;
                }
                throw new Mismatch(null);
            default:
                return type.startsWith("Array of ") ? coerceArray(v, type.substring(9), field) : coerceObject(v, type, field);
        }
    }

    private JsonNode coerceArray(JsonNode v, String elementType, String field) throws Mismatch {
        JsonNode array = v.isTextual() ? parseJson(v, field, "array") : v;
        if (!array.isArray()) {
            throw new Mismatch(v.isTextual() ? "can't parse " + field + " JSON array" : null);
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode element : array) {
            out.add(coerceAny(element, List.of(elementType), field));
        }
        return out;
    }

    private JsonNode coerceObject(JsonNode v, String typeName, String field) throws Mismatch {
        JsonNode object = v.isTextual() ? parseJson(v, field, "object") : v;
        if (!object.isObject()) {
            throw new Mismatch(v.isTextual() ? jsonParseMessage(field, "object") : null);
        }
        BotApiSpec.Type type = spec.type(typeName).orElse(null);
        if (type == null) {
            return object;
        }
        if (type.isAbstract()) {
            return coerceAny(object, type.subtypes(), field);
        }
        ObjectNode out = ((ObjectNode) object).deepCopy();
        for (Map.Entry<String, BotApiSpec.Field> e : type.fields().entrySet()) {
            BotApiSpec.Field f = e.getValue();
            JsonNode value = object.get(f.name());
            try {
                if (value == null || value.isNull()) {
                    if (f.required()) {
                        throw new Mismatch(null);
                    }
                    continue;
                }
                out.set(f.name(), coerceAny(value, f.types(), f.name()));
            } catch (Mismatch m) {
                throw m.getMessage() != null ? m : new Mismatch("can't parse " + typeName + ": Field \""
                        + f.name() + "\" must be of type " + String.join(" or ", f.types()));
            }
        }
        return out;
    }

    private static JsonNode parseJson(JsonNode v, String field, String kind) throws Mismatch {
        JsonNode parsed = Json.parseOrNull(v.asText());
        if (parsed == null) {
            throw new Mismatch(jsonParseMessage(field, kind));
        }
        return parsed;
    }

    private static String jsonParseMessage(String field, String kind) {
        return field.equals("reply_markup") ? "can't parse reply keyboard markup JSON object"
                : "can't parse " + field + " JSON " + kind;
    }
}
