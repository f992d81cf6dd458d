package com.teahouse.reports.internal;

import com.teahouse.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /staff/api/reports/bulletin.xlsx?from&to}: the bulletin of the whole office (it names units and
 * tracking numbers, no personal data), for anyone with case rights. {@code POST /staff/api/reports/publish?from&to}
 * (supervisors, with the CSRF token) posts it to the office chat now.
 */
@RestController
@RequestMapping("/staff/api/reports")
class BulletinApi {

    private final ReportAccess access;
    private final BulletinMaker maker;
    private final BulletinWorkbook workbook;
    private final BulletinPublisher publisher;
    private final Texts texts;

    BulletinApi(ReportAccess access, BulletinMaker maker, BulletinWorkbook workbook, BulletinPublisher publisher,
            Texts texts) {
        this.access = access;
        this.maker = maker;
        this.workbook = workbook;
        this.publisher = publisher;
        this.texts = texts;
    }

    @GetMapping("/bulletin.xlsx")
    ResponseEntity<byte[]> bulletin(Principal principal, HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportAccess.Scope scope = access.check(principal, from, to, null, false);
        byte[] xlsx = workbook.write(maker.make(scope.period()), language(request));
        return ResponseEntity.ok().contentType(LedgerApi.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bulletin-" + scope.period().from()
                        + "-" + scope.period().to() + ".xlsx\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(xlsx);
    }

    @PostMapping("/publish")
    ResponseEntity<Map<String, Object>> publish(Principal principal, HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportAccess.Scope scope = access.checkSupervisor(principal, from, to);
        String lang = language(request);
        if (!publisher.postNow(scope.period())) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("published", false, "message",
                    texts.plain("bulletin.nowhere", lang)));
        }
        return ResponseEntity.ok(Map.of("published", true, "message", texts.plain("bulletin.published", lang)));
    }

    private String language(HttpServletRequest request) {
        return texts.languageFor(request.getLocale().toLanguageTag());
    }
}
