package com.teahouse;

import com.teahouse.limits.BodyTooLarge;
import com.teahouse.store.StoreUnavailable;
import com.teahouse.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The one error policy for HTTP: bad input is a 4xx with a short message in the caller's language and changes
 * nothing; Redis being full or away is a 503 "busy, try again". What the client sent is never logged: only the
 * kind of problem, so a crafted value cannot forge a log line.
 */
@RestControllerAdvice
class HttpErrors {

    private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

    private final Texts texts;

    HttpErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge) {
                // the rest of the body is not read: the connection is closed after this answer
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header("Connection", "close")
                        .body(body("limits.tooLarge", request));
            }
        }
        return answer(HttpStatus.BAD_REQUEST, "limits.badRequest", request);
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> badInput(Exception e, HttpServletRequest request) {
        log.debug("Bad input refused: {}", e.getClass().getSimpleName());
        return answer(HttpStatus.BAD_REQUEST, "limits.badRequest", request);
    }

    @ExceptionHandler({StoreUnavailable.class, JedisConnectionException.class})
    ResponseEntity<Map<String, Object>> away(RuntimeException e, HttpServletRequest request) {
        log.warn("Redis is away ({}); answered busy", e.getClass().getSimpleName());
        return busy(request);
    }

    /** Full ({@code maxmemory} with {@code noeviction}): "busy, try again"; any other refusal is our bug. */
    @ExceptionHandler(JedisDataException.class)
    ResponseEntity<Map<String, Object>> refused(JedisDataException e, HttpServletRequest request) {
        if (isOutOfMemory(e)) {
            log.warn("Redis is full (maxmemory); answered busy");
            return busy(request);
        }
        log.error("Redis refused a command", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body("limits.busy", request));
    }

    private ResponseEntity<Map<String, Object>> busy(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(body("limits.busy", request));
    }

    /** Redis at {@code maxmemory} with {@code noeviction} answers writes with "OOM command not allowed…". */
    static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("OOM")) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<Map<String, Object>> answer(HttpStatus status, String key, HttpServletRequest request) {
        return ResponseEntity.status(status).body(body(key, request));
    }

    private Map<String, Object> body(String key, HttpServletRequest request) {
        String language = texts.languageFor(request.getHeader("Accept-Language"));
        return Map.of("ok", false, "error", texts.plain(key, language));
    }
}
