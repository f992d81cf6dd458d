package com.teahouse.reports.internal;

import com.teahouse.reports.ReportProblem;
import com.teahouse.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the ledger and bulletin endpoints say no: 400 or 403 with a stable code and the text in the reader's
 * language, {@code {"error":"reports.period.tooLong","message":"…"}}. Nothing has been read or changed.
 */
@RestControllerAdvice(assignableTypes = {LedgerApi.class, BulletinApi.class, BulletinPage.class})
class ExportErrors {

    private final Texts texts;

    ExportErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(ReportProblem.class)
    ResponseEntity<Map<String, String>> refused(ReportProblem p, HttpServletRequest request) {
        String language = texts.languageFor(request.getLocale().toLanguageTag());
        return ResponseEntity.status(p.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", p.key(), "message", texts.plain(p.key(), language)));
    }
}
