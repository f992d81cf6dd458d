package com.teahouse.reports.internal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports pages: fixed HTML shells like the console's; {@code /staff/reports.js} fills them from
 * {@code /staff/api/reports/*} with textContent and draws the charts with Chart.js from its WebJar. No inline
 * script or style, so the CSP stays as it is. Nothing from the request is put into the markup.
 */
@RestController
class ReportsPages {

    private static final String HEAD = "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<link rel=\"stylesheet\" href=\"/staff/console.css\"><link rel=\"stylesheet\" href=\"/staff/reports.css\">";

    /** The console's shared navigation (nav.js builds it: items by role, counts, zh/en). */
    private static final String HEADER = "<header id=\"console-nav\"></header>";

    private static final String SCRIPTS = "<script src=\"/staff/nav.js\"></script>"
            + "<script src=\"/webjars/chart.js/4.5.1/dist/chart.umd.min.js\"></script>"
            + "<script src=\"/staff/reports.js\"></script>";

    @GetMapping(value = "/staff/reports", produces = MediaType.TEXT_HTML_VALUE)
    String dashboard() {
        return HEAD + "<title>热线工作台 · 统计</title></head><body data-page=\"reports\">" + HEADER
                + "<main class=\"reports\"><form id=\"period\"><select id=\"p-preset\">"
                + "<option value=\"this-week\">本周</option><option value=\"last-week\">上周</option>"
                + "<option value=\"this-month\" selected>本月</option><option value=\"custom\">自定义</option></select>"
                + "<input type=\"date\" id=\"p-from\" aria-label=\"开始日期\"><input type=\"date\" id=\"p-to\" "
                + "aria-label=\"结束日期\"><select id=\"p-unit\"><option value=\"\">全部单位</option></select>"
                + "<button id=\"p-go\" type=\"submit\">查看</button></form><p id=\"p-error\" class=\"error\" "
                + "role=\"alert\"></p><section id=\"headline\" class=\"figures\"></section>"
                + "<section class=\"charts\">" + chart("c-weeks", "每周受理、答复、办结")
                + chart("c-ontime", "各单位按时率") + chart("c-satisfaction", "各单位满意率")
                + chart("c-backlog", "在办案件积压（工作日）") + "</section>"
                + table("t-units", "单位排名", "unit", "单位", "score", "得分")
                + table("t-categories", "类别", "key", "类别", null, null)
                + table("t-districts", "地区", "key", "地区", null, null) + "</main>" + SCRIPTS + "</body></html>";
    }

    /** The cases behind one figure (the headline figures link here). */
    @GetMapping(value = "/staff/reports/cases", produces = MediaType.TEXT_HTML_VALUE)
    String cases() {
        return HEAD + "<title>热线工作台 · 统计明细</title></head><body data-page=\"report-cases\">" + HEADER
                + "<main class=\"reports\"><h1 id=\"what\"></h1><p id=\"p-error\" class=\"error\" role=\"alert\"></p>"
                + "<ol id=\"cases\"></ol><p id=\"truncated\" hidden>只列出前若干件。</p></main>" + SCRIPTS
                + "</body></html>";
    }

    private static String chart(String id, String title) {
        return "<figure><figcaption>" + title + "</figcaption><div class=\"chart\"><canvas id=\"" + id
                + "\"></canvas></div></figure>";
    }

    private static String table(String id, String title, String key, String keyTitle, String extra,
            String extraTitle) {
        return "<h2>" + title + "</h2><div class=\"scroll\"><table id=\"" + id + "\" class=\"sortable\"><thead><tr>"
                + "<th data-key=\"name\">" + keyTitle + "</th>"
                + (extra == null ? "" : "<th data-key=\"" + extra + "\" data-num=\"1\">" + extraTitle + "</th>")
                + "<th data-key=\"opened\" data-num=\"1\">受理</th>"
                + (key.equals("unit") ? "" : "<th data-key=\"replied\" data-num=\"1\">答复</th>")
                + "<th data-key=\"closed\" data-num=\"1\">办结</th>"
                + "<th data-key=\"onTimeReplyRate\" data-num=\"1\">按时答复率</th>"
                + "<th data-key=\"satisfactionRate\" data-num=\"1\">满意率</th>"
                + (key.equals("unit") ? "<th data-key=\"overdueNow\" data-num=\"1\">当前超期</th>" : "")
                + "</tr></thead><tbody></tbody></table></div>";
    }
}
