package com.teahouse.reports.internal;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.reports.Summary;
import com.teahouse.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /staff/reports/bulletin?from&to}: the bulletin as a printable page, rendered on the server (every value
 * escaped), styled by {@code /staff/bulletin.css} with print rules, and without any script.
 */
@RestController
class BulletinPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(LedgerWorkbook.ZONE);

    private final ReportAccess access;
    private final BulletinMaker maker;
    private final BulletinText text;
    private final CaseWork names;
    private final Texts texts;

    BulletinPage(ReportAccess access, BulletinMaker maker, BulletinText text, CaseWork names, Texts texts) {
        this.access = access;
        this.maker = maker;
        this.text = text;
        this.names = names;
        this.texts = texts;
    }

    @GetMapping(value = "/staff/reports/bulletin", produces = MediaType.TEXT_HTML_VALUE)
    String page(Principal principal, HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        ReportAccess.Scope scope = access.check(principal, from, to, null, false);
        String lang = texts.languageFor(request.getLocale().toLanguageTag());
        Bulletin b = maker.make(scope.period());
        Summary s = b.summary();
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"").append(esc(lang)).append("\"><head>")
                .append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>").append(esc(text.title(b, lang))).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/staff/bulletin.css\"></head><body><main>")
                .append("<h1 id=\"title\">").append(esc(text.title(b, lang))).append("</h1>")
                .append("<p id=\"headline\" class=\"headline\">").append(esc(text.headline(b, lang))).append("</p>")
                .append("<p class=\"noprint\"><a id=\"download\" href=\"/staff/api/reports/bulletin.xlsx?from=")
                .append(b.period().from()).append("&amp;to=").append(b.period().to()).append("\">")
                .append(esc(t("bulletin.page.download", lang))).append("</a> ")
                .append(esc(t("bulletin.page.print", lang))).append("</p>");
        h.append("<h2>").append(esc(t("bulletin.sheet.headline", lang))).append("</h2><table id=\"figures\">");
        Object[][] figures = {{"opened", s.opened()}, {"replied", s.replied()}, {"closed", s.closed()},
            {"overdueNow", s.overdueNow()}, {"supervisedNow", s.supervisedNow()},
            {"claimRate", text.percent(s.onTime().claimRate(), lang)},
            {"replyRate", text.percent(s.onTime().replyRate(), lang)},
            {"satisfactionRate", text.percent(s.satisfaction().rate(), lang)}};
        for (Object[] f : figures) {
            h.append("<tr><th>").append(esc(t("bulletin.fig." + f[0], lang))).append("</th><td>")
                    .append(esc(String.valueOf(f[1]))).append("</td></tr>");
        }
        h.append("</table><h2>").append(esc(t("bulletin.sheet.ranking", lang))).append("</h2>")
                .append("<table id=\"ranking\"><thead><tr>");
        for (String k : new String[] {"bulletin.col.rank", "ledger.col.unit", "bulletin.col.opened",
            "bulletin.col.closed", "bulletin.col.onTimeReplyRate", "bulletin.col.satisfactionRate",
            "bulletin.col.overdueNow", "bulletin.col.score"}) {
            h.append("<th>").append(esc(t(k, lang))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        int rank = 0;
        for (Summary.UnitRow u : b.ranking()) {
            cells(h, ++rank, u.name() == null ? names.unitName(u.unit(), lang) : u.name(), u.opened(), u.closed(),
                    text.percent(u.onTimeReplyRate(), lang), text.percent(u.satisfactionRate(), lang),
                    u.overdueNow(), u.score() == null ? "" : String.format("%.1f", u.score()));
        }
        h.append("</tbody></table><h2>").append(esc(t("bulletin.sheet.cases", lang))).append("</h2>")
                .append("<table id=\"cases\"><thead><tr>");
        for (String k : new String[] {"ledger.col.tracking", "ledger.col.unit", "ledger.col.category",
            "ledger.col.state", "bulletin.col.dueAt", "bulletin.col.why"}) {
            h.append("<th>").append(esc(t(k, lang))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (CaseRecord c : b.listed()) {
            String why = b.isOverdue(c) && b.isSupervised(c) ? "both" : b.isOverdue(c) ? "overdue" : "supervised";
            cells(h, c.trackingNumber(), names.unitName(c.unit(), lang), names.categoryName(c.category(), lang),
                    t("staff.state." + c.state().id(), lang), time(c.due()), t("bulletin.why." + why, lang));
        }
        return h.append("</tbody></table></main></body></html>").toString();
    }

    private static void cells(StringBuilder h, Object... values) {
        h.append("<tr>");
        for (Object v : values) {
            h.append("<td>").append(esc(String.valueOf(v))).append("</td>");
        }
        h.append("</tr>");
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private String t(String key, String lang) {
        return texts.plain(key, lang);
    }

    private static String esc(String s) {
        return htmlEscape(s == null ? "" : s);
    }
}
