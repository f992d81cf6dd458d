package com.teahouse.channel.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.teahouse.channel.web.WebChannel;
import com.teahouse.limits.RateLimiter;
import com.teahouse.limits.RateLimiter.Scope;
import com.teahouse.limits.RateLimiter.Verdict;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Inbox;
import com.teahouse.messaging.Person;
import com.teahouse.store.RedisStore;
import com.teahouse.store.StoreUnavailable;
import com.teahouse.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The web chat's API: send, follow live, end the chat, and the page's texts. Translation only; the conversation
 * is elsewhere. Each send is counted against the chat's and the client address's rate limits first.
 */
@RestController
class WebChatController {

    private static final Logger log = LoggerFactory.getLogger(WebChatController.class);

    private final Inbox inbox;
    private final WebTranscript transcript;
    private final WebNotifier notifier;
    private final WebUiTexts texts;
    private final Texts limitTexts;
    private final RedisStore store;
    private final WebSessions sessions;
    private final RateLimiter limiter;
    private final ObjectReader strict;

    WebChatController(Inbox inbox, WebTranscript transcript, WebNotifier notifier, WebUiTexts texts,
            Texts limitTexts, RedisStore store, WebSessions sessions, RateLimiter limiter, ObjectMapper json) {
        this.inbox = inbox;
        this.transcript = transcript;
        this.notifier = notifier;
        this.texts = texts;
        this.limitTexts = limitTexts;
        this.store = store;
        this.sessions = sessions;
        this.limiter = limiter;
        this.strict = json.readerFor(Send.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @GetMapping("/api/chat/session")
    Map<String, Object> session(@RequestParam(defaultValue = "zh") String lang, HttpServletRequest request,
            HttpServletResponse response) {
        String session = sessions.current(request, response);
        String language = lang.startsWith("en") ? "en" : "zh";
        greetIfNew(session, language);
        return Map.of("lang", language, "texts", texts.forLanguage(language));
    }

    /**
     * Opening the page on a new chat is this channel's Start button, and is translated as what Telegram sends
     * when a user presses Start: /start. So the greeting and the menu come from the conversation, through the
     * message path, into the transcript. Its id is fixed per chat ('@' is never in a page's own ids), so the
     * message path's dedupe lets it happen once however often and however fast the page is loaded.
     */
    private void greetIfNew(String session, String language) {
        try {
            if (transcript.isEmpty(session)) {
                inbox.accept(List.of(Inbound.text("web:" + session + ":@open", Address.of(WebChannel.NAME, session),
                        new Person(session, null, language), "/start")));
            }
        } catch (StoreUnavailable | JedisException e) {
            // the page still works: typing anything starts the conversation
            log.warn("No greeting for a new web chat: {}", e.getMessage());
        }
    }

    @PostMapping(path = "/api/chat/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> send(@RequestBody String body, HttpServletRequest request,
            HttpServletResponse response) {
        String session = sessions.current(request, response);
        Send send;
        try {
            send = strict.readValue(body);
        } catch (JsonProcessingException e) {
            return error(400, texts.text(languageOf(request), "badRequest"));
        }
        String lang = send.lang() != null && send.lang().startsWith("en") ? "en" : "zh";
        Verdict verdict = overLimit(session, request);
        if (!verdict.allowed()) {
            return slowDown(lang, verdict.retryAfterSeconds());
        }
        if (!send.wellFormed()) {
            return error(400, texts.text(lang, "badRequest"));
        }
        if (send.tooLong()) {
            return error(413, texts.text(lang, "tooLong"));
        }
        Inbound inbound = send.toInbound(session, lang);
        if (inbound == null) {
            return error(400, texts.text(lang, "empty"));
        }
        try {
            boolean first = "OK".equals(store.jedis().set(store.key("web:sent:" + inbound.id()), "1",
                    SetParams.setParams().nx().ex(Duration.ofDays(2).toSeconds())));
            if (first && inbound.kind() == Inbound.Kind.TEXT) {
                transcript.append(session, TranscriptLine.user(inbound.text()));
            }
            if (!inbox.accept(List.of(inbound)).isEmpty()) {
                return slowDown(lang, 2);
            }
        } catch (StoreUnavailable | JedisException e) {
            return error(503, texts.text(lang, "unavailable"));
        }
        return ResponseEntity.accepted().body(Map.of("ok", true));
    }

    private Verdict overLimit(String session, HttpServletRequest request) {
        Verdict bySession = limiter.take(Scope.WEB_SESSION, session);
        if (!bySession.allowed()) {
            return bySession;
        }
        return limiter.take(Scope.CLIENT_ADDRESS, request.getRemoteAddr());
    }

    private ResponseEntity<Map<String, Object>> slowDown(String lang, long retryAfterSeconds) {
        return ResponseEntity.status(429).header("Retry-After", Long.toString(retryAfterSeconds))
                .body(Map.of("ok", false, "error", limitTexts.plain("limits.slowDown", lang)));
    }

    @GetMapping(path = "/api/chat/events", produces = "text/event-stream")
    ResponseEntity<?> events(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            HttpServletRequest request, HttpServletResponse response) {
        String session = sessions.current(request, response);
        Verdict verdict = limiter.take(Scope.CLIENT_ADDRESS, request.getRemoteAddr());
        if (!verdict.allowed()) {
            return ResponseEntity.status(429).header("Retry-After", Long.toString(verdict.retryAfterSeconds()))
                    .build();
        }
        String lastSeen = Send.isRef(lastEventId) ? lastEventId : null;
        return notifier.follow(session, request.getRemoteAddr(), lastSeen).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(429).header("Retry-After", "30").build());
    }

    /** "End chat": this device forgets the chat, and its id is refused from now on. */
    @PostMapping(path = "/api/chat/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> end(HttpServletRequest request, HttpServletResponse response) {
        sessions.end(request, response).ifPresent(session -> {
            notifier.forget(session);
            transcript.forget(session);
        });
        return Map.of("ok", true);
    }

    private static String languageOf(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        return accept != null && accept.startsWith("en") ? "en" : "zh";
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String message) {
        return ResponseEntity.status(status).body(Map.of("ok", false, "error", message));
    }
}
