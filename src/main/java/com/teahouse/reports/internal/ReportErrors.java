package com.teahouse.reports.internal;

import com.teahouse.reports.ReportProblem;
import com.teahouse.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A {@link ReportProblem} as HTTP: {@code 400} (or {@code 403}) {@code {"error": key, "message": …}} in the
 * caller's language. Everything else falls through to the app's one error policy.
 */
@RestControllerAdvice(assignableTypes = ReportsApi.class)
class ReportErrors {

    private final Texts texts;

    ReportErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(ReportProblem.class)
    ResponseEntity<Map<String, String>> refused(ReportProblem p, HttpServletRequest request) {
        String language = texts.languageFor(request.getLocale().toLanguageTag());
        return ResponseEntity.status(p.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST)
                .body(Map.of("error", p.key(), "message", texts.plain(p.key(), language)));
    }
}
