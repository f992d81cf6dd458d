package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request into one parameter object the way Telegram does: the query string plus an
 * application/json, application/x-www-form-urlencoded or multipart/form-data body. Form values
 * stay strings (the validator coerces them); uploaded files become marker objects.
 */
final class RequestParser {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern DISPOSITION_NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern DISPOSITION_FILE = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    private RequestParser() {
    }

    static ObjectNode parse(HttpExchange exchange) throws IOException {
        ObjectNode params = Json.object();
        addForm(params, exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        if (body.length == 0) {
            return params;
        }
        if (contentType.startsWith("application/json")) {
            JsonNode json = Json.parseOrNull(new String(body, StandardCharsets.UTF_8));
            if (json == null || !json.isObject()) {
                throw BotApiError.badRequest("can't parse JSON object");
            }
            params.setAll((ObjectNode) json);
        } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            addForm(params, new String(body, StandardCharsets.ISO_8859_1));
        } else if (contentType.startsWith("multipart/form-data")) {
            Matcher m = BOUNDARY.matcher(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!m.find()) {
                throw BotApiError.badRequest("can't parse multipart/form-data: no boundary");
            }
            addMultipart(params, body, m.group(1));
            resolveAttachments(params);
        }
        return params;
    }

    /** telegrambots uploads a file as its own part and passes {@code photo=attach://<part>}, as Telegram allows. */
    private static void resolveAttachments(ObjectNode params) {
        params.properties().forEach(e -> {
            String value = e.getValue().asText("");
            if (e.getValue().isTextual() && value.startsWith("attach://")) {
                JsonNode part = params.get(value.substring(9));
                if (part != null && part.has(SpecValidator.UPLOAD_MARK)) {
                    e.setValue(part);
                }
            }
        });
    }

    private static void addForm(ObjectNode params, String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
    }

    private static void addMultipart(ObjectNode params, byte[] body, String boundary) {
        // ISO-8859-1 maps bytes 1:1 to chars, so offsets survive; text values are re-decoded as UTF-8.
        String all = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int pos = all.indexOf(delimiter);
        while (pos >= 0) {
            int partStart = pos + delimiter.length();
            if (all.startsWith("--", partStart)) {
                break;
            }
            int next = all.indexOf("\r\n" + delimiter, partStart);
            if (next < 0) {
                throw BotApiError.badRequest("can't parse multipart/form-data: unterminated part");
            }
            String part = all.substring(partStart + 2, next);
            int split = part.indexOf("\r\n\r\n");
            String headers = split < 0 ? part : part.substring(0, split);
            String content = split < 0 ? "" : part.substring(split + 4);
            addPart(params, headers, content);
            pos = next + 2;
        }
    }

    private static void addPart(ObjectNode params, String headers, String content) {
        Matcher name = DISPOSITION_NAME.matcher(headers);
        if (!name.find()) {
            return;
        }
        Matcher file = DISPOSITION_FILE.matcher(headers);
        if (file.find()) {
            ObjectNode upload = Json.object().put(SpecValidator.UPLOAD_MARK, file.group(1)).put("size", content.length());
            params.set(name.group(1), upload);
        } else {
            params.put(name.group(1), new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }
}
