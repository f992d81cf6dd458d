package com.teahouse.staff.internal;

import com.teahouse.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the account API says no: the status, a stable code and the text in the reader's language, e.g.
 * {@code 400 {"error":"account.password.too-short","message":"…"}}. Nothing has changed when it answers.
 */
@RestControllerAdvice(assignableTypes = {AccountsApi.class, MyAccountApi.class})
class AccountErrors {

    private final Texts texts;

    AccountErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(AccountProblem.class)
    ResponseEntity<Map<String, String>> refused(AccountProblem p, HttpServletRequest request) {
        return body(p.status(), p.key(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpServletRequest request) {
        return body(HttpStatus.BAD_REQUEST, "account.request.unreadable", request);
    }

    private ResponseEntity<Map<String, String>> body(HttpStatus status, String key, HttpServletRequest request) {
        String language = texts.languageFor(request.getLocale().toLanguageTag());
        return ResponseEntity.status(status).body(Map.of("error", key, "message", texts.plain(key, language)));
    }
}
