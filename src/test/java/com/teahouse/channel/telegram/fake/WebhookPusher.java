package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fake's webhook, as Telegram runs one: setWebhook (https only, a secret of 1–256 {@code A-Za-z0-9_-}),
 * deleteWebhook, getWebhookInfo, and a sender that POSTs each pending update, in order, as JSON with the
 * {@code X-Telegram-Bot-Api-Secret-Token} header. An update counts as delivered only on a 2xx; anything else
 * (or no answer) is recorded as the last error and the same update is sent again after a short pause. While a
 * webhook is set, getUpdates is refused with 409, as Telegram does. Plain http is accepted on 127.0.0.1 only,
 * the one deviation, because tests have no certificate.
 */
public final class WebhookPusher {
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    /** One POST and its answer, for tests that look at what the webhook was sent. */
    public record Push(int updateId, int status, String error) {
    }

    private final UpdateQueue updates;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Push> pushes = new ArrayList<>();
    private volatile String url = "";
    private volatile String secret;
    private volatile List<String> allowed;
    private volatile Integer lastErrorDate;
    private volatile String lastErrorMessage;
    private Thread sender;

    WebhookPusher(UpdateQueue updates) {
        this.updates = updates;
    }

    boolean active() {
        return !url.isEmpty();
    }

    synchronized JsonNode set(ObjectNode p) {
        String newUrl = p.get("url").asText();
        if (newUrl.isEmpty()) {
            return delete(p);
        }
        URI uri = URI.create(newUrl);
        boolean loopbackHttp = "http".equals(uri.getScheme()) && "127.0.0.1".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !loopbackHttp) {
            throw BotApiError.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        String token = p.hasNonNull("secret_token") ? p.get("secret_token").asText() : null;
        if (token != null && !SECRET.matcher(token).matches()) {
            throw BotApiError.badRequest("bad webhook: secret token contains unallowed characters");
        }
        if (p.path("drop_pending_updates").asBoolean(false)) {
            updates.dropPending();
        }
        List<String> kinds = null;
        if (p.has("allowed_updates")) {
            kinds = new ArrayList<>();
            for (JsonNode kind : p.get("allowed_updates")) {
                kinds.add(kind.asText());
            }
        }
        this.allowed = kinds;
        this.secret = token;
        this.url = newUrl;
        if (sender == null) {
            sender = new Thread(this::run, "fake-webhook-pusher");
            sender.setDaemon(true);
            sender.start();
        }
        updates.wake();
        return com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
    }

    synchronized JsonNode delete(ObjectNode p) {
        url = "";
        secret = null;
        if (p.path("drop_pending_updates").asBoolean(false)) {
            updates.dropPending();
        }
        return com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
    }

    JsonNode info() {
        ObjectNode info = Json.object().put("url", url).put("has_custom_certificate", false)
                .put("pending_update_count", updates.pendingCount()).put("max_connections", 40);
        if (lastErrorDate != null) {
            info.put("last_error_date", lastErrorDate).put("last_error_message", lastErrorMessage);
        }
        if (allowed != null) {
            allowed.forEach(info.putArray("allowed_updates")::add);
        }
        return info;
    }

    synchronized List<Push> pushes() {
        return List.copyOf(pushes);
    }

    void close() {
        Thread t;
        synchronized (this) {
            t = sender;
            url = "";
        }
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        while (!updates.isClosed() && !Thread.currentThread().isInterrupted()) {
            try {
                String target = url;
                ObjectNode update = target.isEmpty() ? null : updates.nextPending(allowed, 200);
                if (update == null) {
                    synchronized (updates) {
                        if (url.isEmpty()) {
                            updates.wait(200);
                        }
                    }
                    continue;
                }
                if (!push(target, update)) {
                    Thread.sleep(100); // Telegram backs off longer; tests need not wait
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean push(String target, ObjectNode update) throws InterruptedException {
        int id = update.get("update_id").asInt();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(update), StandardCharsets.UTF_8));
        String token = secret;
        if (token != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", token);
        }
        int status;
        String error = null;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status > 299) {
                error = "Wrong response from the webhook: " + status;
            }
        } catch (java.io.IOException e) {
            status = 0;
            error = "Connection refused";
        }
        synchronized (this) {
            pushes.add(new Push(id, status, error));
        }
        if (error != null) {
            lastErrorDate = (int) (System.currentTimeMillis() / 1000);
            lastErrorMessage = error;
            return false;
        }
        updates.confirmOne(id);
        return true;
    }
}
