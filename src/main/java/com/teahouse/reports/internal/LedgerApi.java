package com.teahouse.reports.internal;

import com.teahouse.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /staff/api/reports/ledger.xlsx?from=…&to=…[&unit=…][&personal=true]}: the ledger, streamed. A
 * supervisor's request for personal data is written to the staff audit stream before anything is sent.
 */
@RestController
@RequestMapping("/staff/api/reports")
class LedgerApi {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportAccess access;
    private final LedgerWorkbook workbook;
    private final Texts texts;

    LedgerApi(ReportAccess access, LedgerWorkbook workbook, Texts texts) {
        this.access = access;
        this.workbook = workbook;
        this.texts = texts;
    }

    @GetMapping("/ledger.xlsx")
    ResponseEntity<StreamingResponseBody> ledger(Principal principal, HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "false") boolean personal) {
        ReportAccess.Scope scope = access.check(principal, from, to, unit, personal);
        if (personal) {
            access.recordPersonalRequest(principal, scope, "ledger");
        }
        String lang = texts.languageFor(request.getLocale().toLanguageTag());
        StreamingResponseBody body = out -> workbook.write(out, scope.start(), scope.end(), scope.unit(),
                scope.personal(), lang);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("ledger", scope))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    static String attachment(String name, ReportAccess.Scope scope) {
        return "attachment; filename=\"" + name + "-" + scope.period().from() + "-" + scope.period().to()
                + (scope.unit() == null ? "" : "-" + scope.unit()) + ".xlsx\"";
    }
}
