package com.teahouse.channel.web.internal;

import com.teahouse.channel.web.WebChannel;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Contact;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Inbox;
import com.teahouse.messaging.Person;
import com.teahouse.store.StoreUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/** The web chat's API: send, follow live, and the page's texts. Translation only; the conversation is elsewhere. */
@RestController
class WebChatController {

    private static final Logger log = LoggerFactory.getLogger(WebChatController.class);

    static final int MAX_TEXT = 4000;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Inbox inbox;
    private final WebTranscript transcript;
    private final WebNotifier notifier;
    private final WebUiTexts texts;
    private final com.teahouse.store.RedisStore store;

    WebChatController(Inbox inbox, WebTranscript transcript, WebNotifier notifier, WebUiTexts texts,
            com.teahouse.store.RedisStore store) {
        this.inbox = inbox;
        this.transcript = transcript;
        this.notifier = notifier;
        this.texts = texts;
        this.store = store;
    }

    /** What the user did on the page; exactly one of text, button or phone. */
    record Send(String id, String text, String button, String ref, String phone, String lang) {
    }

    @GetMapping("/api/chat/session")
    Map<String, Object> session(@RequestParam(defaultValue = "zh") String lang, HttpServletRequest request,
            HttpServletResponse response) {
        String session = WebSessions.current(request, response);
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

    @PostMapping("/api/chat/send")
    ResponseEntity<Map<String, Object>> send(@RequestBody Send send, HttpServletRequest request,
            HttpServletResponse response) {
        String session = WebSessions.current(request, response);
        String lang = send.lang() != null && send.lang().startsWith("en") ? "en" : "zh";
        if (send.id() == null || !CLIENT_ID.matcher(send.id()).matches()) {
            return error(400, texts.text(lang, "badRequest"));
        }
        if (send.text() != null && send.text().length() > MAX_TEXT) {
            return error(413, texts.text(lang, "tooLong"));
        }
        Inbound inbound = toInbound(session, send, lang);
        if (inbound == null) {
            return error(400, texts.text(lang, "empty"));
        }
        try {
            boolean first = "OK".equals(store.jedis().set(store.key("web:sent:" + inbound.id()), "1",
                    SetParams.setParams().nx().ex(Duration.ofDays(2).toSeconds())));
            if (first && inbound.kind() == Inbound.Kind.TEXT) {
                transcript.append(session, TranscriptLine.user(inbound.text()));
            }
            inbox.accept(List.of(inbound));
        } catch (StoreUnavailable | JedisException e) {
            return error(503, texts.text(lang, "unavailable"));
        }
        return ResponseEntity.accepted().body(Map.of("ok", true));
    }

    private static Inbound toInbound(String session, Send send, String lang) {
        Address from = Address.of(WebChannel.NAME, session);
        Person person = new Person(session, null, lang);
        String id = "web:" + session + ":" + send.id();
        if (send.button() != null && !send.button().isBlank() && send.button().length() <= 64) {
            return Inbound.button(id, from, person, send.button(), send.ref(), null);
        }
        if (send.phone() != null && !send.phone().isBlank() && send.phone().length() <= 32) {
            return new Inbound(id, from, person, Inbound.Kind.CONTACT, null, null, null, null,
                    new Contact(send.phone().trim(), null, null), List.of(), Instant.now());
        }
        if (send.text() != null && !send.text().isBlank()) {
            return Inbound.text(id, from, person, send.text().strip());
        }
        return null;
    }

    @GetMapping(path = "/api/chat/events", produces = "text/event-stream")
    SseEmitter events(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            HttpServletRequest request, HttpServletResponse response) {
        String session = WebSessions.current(request, response);
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        notifier.follow(session, emitter, lastEventId);
        return emitter;
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String message) {
        return ResponseEntity.status(status).body(Map.of("ok", false, "error", message));
    }
}
