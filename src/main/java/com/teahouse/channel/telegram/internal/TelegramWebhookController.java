package com.teahouse.channel.telegram.internal;

import com.teahouse.limits.InboundGate;
import com.teahouse.limits.RateLimiter.Scope;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Inbox;
import com.teahouse.store.StoreUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where Telegram posts updates in webhook mode. Telegram counts any 2xx as received and retries anything else,
 * so 200 is answered only once the update is stored durably in the inbox (the same write, dedupe and lanes as
 * long polling), and 503 while Redis cannot take it. A caller without the secret gets 401 and nothing is read;
 * a body that is not one JSON Update gets 4xx, is logged without its content, and the channel carries on.
 */
@RestController
@ConditionalOnExpression("!'${teahouse.telegram.token:}'.isBlank() && !'${teahouse.telegram.webhook.url:}'.isBlank()")
class TelegramWebhookController {

    static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final WebhookSecret secret;
    private final int maxBodyBytes;
    private final Inbox inbox;
    private final InboundGate gate;
    private final WebhookUpdates updates = new WebhookUpdates();

    TelegramWebhookController(WebhookSecret secret, TelegramProperties props, Inbox inbox, InboundGate gate) {
        this.secret = secret;
        this.maxBodyBytes = props.webhook().maxBodyBytes();
        this.inbox = inbox;
        this.gate = gate;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String presented,
            @RequestHeader(name = "Content-Type", required = false) String contentType, HttpServletRequest request)
            throws IOException {
        if (!secret.matches(presented)) {
            log.warn("Webhook call without the right secret; refused");
            return status(HttpStatus.UNAUTHORIZED);
        }
        if (!isJson(contentType)) {
            log.warn("Webhook call with a body that is not JSON; refused");
            return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        }
        byte[] body = readCapped(request);
        if (body == null) {
            log.warn("Webhook body over {} bytes; refused", maxBodyBytes);
            return status(HttpStatus.PAYLOAD_TOO_LARGE);
        }
        Update update;
        try {
            update = updates.read(body);
        } catch (WebhookUpdates.NotAnUpdate e) {
            log.warn("Webhook body is not a Telegram update: {}; refused", e.getMessage());
            return status(HttpStatus.BAD_REQUEST);
        }
        return store(update);
    }

    private ResponseEntity<Void> store(Update update) {
        Optional<Inbound> translated;
        try {
            translated = UpdateTranslator.translate(update);
        } catch (RuntimeException e) {
            log.warn("Update {} could not be translated ({}); skipped", update.getUpdateId(), e.getClass().getName());
            return status(HttpStatus.OK); // nothing we could ever do with it: let Telegram stop sending it
        }
        if (translated.isEmpty()) {
            return status(HttpStatus.OK);
        }
        List<Inbound> admitted = gate.admit(List.of(translated.get()), Scope.TELEGRAM_USER);
        try {
            List<Inbound> refused = inbox.accept(admitted);
            if (!refused.isEmpty()) {
                gate.refused(refused);
            }
            return status(HttpStatus.OK);
        } catch (StoreUnavailable e) {
            log.warn("Update {} not stored ({}); answered 503 so that Telegram sends it again",
                    update.getUpdateId(), e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").build();
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype() && MediaType.APPLICATION_JSON.includes(type);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The body, or null when it is longer than the cap; never reads more than one byte past it. */
    private byte[] readCapped(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
    }

    private static ResponseEntity<Void> status(HttpStatus status) {
        return ResponseEntity.status(status).build();
    }
}
