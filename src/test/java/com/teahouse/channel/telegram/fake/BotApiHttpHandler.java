package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /bot<token>/<method>}, answered in Telegram's order: token (401), method (404), planned
 * faults, spec validation and Telegram's rules (400), then the method itself. The HTTP status
 * equals error_code, as at api.telegram.org.
 */
final class BotApiHttpHandler implements HttpHandler {
    private static final Pattern PATH = Pattern.compile("^/bot([^/]*)/([^/]+)/?$");

    private final String token;
    private final BotApiSpec spec;
    private final SpecValidator validator;
    private final BotMethods methods;
    private final FaultPlan faults;
    private final CallLog log;

    BotApiHttpHandler(String token, BotApiSpec spec, SpecValidator validator, BotMethods methods, FaultPlan faults,
                      CallLog log) {
        this.token = token;
        this.spec = spec;
        this.validator = validator;
        this.methods = methods;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String methodName = exchange.getRequestURI().getPath();
        if (methodName.startsWith("/file/bot" + token + "/")) {
            // a file download (after getFile): the same bytes for every file
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, BotMethods.FILE_BYTES.length);
            try (var out = exchange.getResponseBody()) {
                out.write(BotMethods.FILE_BYTES);
            }
            return;
        }
        JsonNode params = Json.object();
        try {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                throw new BotApiError(404, "Not Found", null);
            }
            methodName = path.group(2);
            if (!path.group(1).equals(token)) {
                throw new BotApiError(401, "Unauthorized", null);
            }
            BotApiSpec.Method method = spec.method(methodName)
                    .orElseThrow(() -> new BotApiError(404, "Not Found", null));
            methodName = method.name();
            log.received(methodName);
            ObjectNode raw = RequestParser.parse(exchange);
            params = raw;
            faults.sleepIfDelayed(methodName);
            faults.pauseIfPlanned(methodName);
            BotApiError planned = faults.nextFailure(methodName);
            if (planned != null) {
                log.injected(new RecordedCall(methodName, raw, Instant.now(), planned.code(), planned.description()));
                respond(exchange, planned.code(), error(planned));
                return;
            }
            JsonNode result = methods.call(methodName, validator.validateCall(method, raw));
            if (result == null) {
                result = BooleanNode.TRUE;
            } else {
                validator.checkResult(method, result);
            }
            log.accepted(new RecordedCall(methodName, raw, Instant.now(), null, null));
            if (faults.holdsReply(methodName)) {
                // done, but the bot never hears so: what a crash between Telegram's reply and its recording leaves
                faults.awaitRelease();
                respond(exchange, 502, error(new BotApiError(502, "Bad Gateway", null)));
                return;
            }
            ObjectNode ok = Json.object().put("ok", true);
            ok.set("result", result);
            respond(exchange, 200, ok);
        } catch (BotApiError e) {
            log.rejected(new RecordedCall(methodName, params, Instant.now(), e.code(), e.description()));
            respond(exchange, e.code(), error(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 500, error(new BotApiError(500, "Internal Server Error: fake is closing", null)));
        } catch (RuntimeException e) {
            // A bug in the fake itself: make it loud in the test, not a silent hang.
            log.rejected(new RecordedCall(methodName, params, Instant.now(), 500, "fake failure: " + e));
            respond(exchange, 500, error(new BotApiError(500, "Internal Server Error: " + e, null)));
        }
    }

    private static ObjectNode error(BotApiError e) {
        ObjectNode body = Json.object().put("ok", false).put("error_code", e.code()).put("description", e.description());
        if (e.retryAfter() != null) {
            body.putObject("parameters").put("retry_after", e.retryAfter());
        }
        return body;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
