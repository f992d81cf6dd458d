package com.teahouse.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's pages: fixed HTML shells; console.js fills them from the JSON API with textContent, and takes
 * the CSRF token from {@code GET /staff/api/me}. The only values put into markup here (the login form's token,
 * the case number from the path) are escaped.
 */
@RestController
class ConsolePages {

    static final String HEAD = "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<link rel=\"stylesheet\" href=\"/staff/console.css\">";

    /** The shared navigation first, then the console's helpers. */
    static final String SCRIPTS = "<script src=\"/staff/nav.js\"></script><script src=\"/staff/console.js\"></script>";

    @GetMapping(value = "/staff/login", produces = MediaType.TEXT_HTML_VALUE)
    String login(HttpServletRequest request) {
        boolean failed = request.getParameter("error") != null;
        return HEAD + "<title>热线工作台 · 登录</title></head><body class=\"login\"><main><h1>热线工作台</h1>"
                + (failed ? "<p id=\"error\" class=\"error\">用户名或密码错误，或尝试次数过多，请稍后再试。</p>" : "")
                + "<form method=\"post\" action=\"/staff/login\">"
                + "<label>用户名 <input id=\"username\" name=\"username\" autocomplete=\"username\" required></label>"
                + "<label>密码 <input id=\"password\" name=\"password\" type=\"password\" "
                + "autocomplete=\"current-password\" required></label>" + hidden(request)
                + "<button id=\"login\" type=\"submit\">登录</button></form></main></body></html>";
    }

    @GetMapping(value = "/staff", produces = MediaType.TEXT_HTML_VALUE)
    String queue(HttpServletRequest request) {
        return HEAD + "<title>热线工作台</title></head><body data-page=\"queue\">" + header()
                + "<main><form id=\"filters\"><select id=\"f-state\"><option value=\"\"></option>"
                + option("new", "") + option("dispatched", "") + option("claimed", "")
                + option("replied", "") + option("returned", "") + option("reopened", "")
                + "</select><select id=\"f-unit\"><option value=\"\" data-t=\"filter.allUnits\"></option></select>"
                + "<input id=\"f-category\" data-t-placeholder=\"filter.category\"><label><input type=\"checkbox\" "
                + "id=\"f-overdue\"><span data-t=\"filter.overdue\"></span></label><label><input type=\"checkbox\" "
                + "id=\"f-supervised\"><span data-t=\"filter.supervised\"></span></label></form>"
                + table("queue") + "</main>" + SCRIPTS + "</body></html>";
    }

    @GetMapping(value = "/staff/search", produces = MediaType.TEXT_HTML_VALUE)
    String search(HttpServletRequest request) {
        return HEAD + "<title>热线工作台</title></head><body data-page=\"search\">" + header()
                + "<main><h1 data-t=\"search.title\"></h1><p id=\"search-result\" role=\"status\"></p>"
                + table("results") + "</main>" + SCRIPTS + "</body></html>";
    }

    /**
     * The supervisor's 并单 list: candidate pairs, filled by pairs.js. Others get the shell and the API's 403
     * message; the navigation does not offer it to them.
     */
    @GetMapping(value = "/staff/similar", produces = MediaType.TEXT_HTML_VALUE)
    String pairs(HttpServletRequest request) {
        return HEAD + "<title>热线工作台</title></head><body data-page=\"pairs\">" + header()
                + "<main><h1 data-t=\"pairs.title\"></h1><p data-t=\"pairs.intro\" class=\"hint\"></p>"
                + "<p id=\"pairs-result\" role=\"status\"></p><table id=\"pairs\"><thead><tr>"
                + "<th data-t=\"pairs.a\"></th><th data-t=\"pairs.b\"></th><th data-t=\"col.category\"></th>"
                + "<th data-t=\"pairs.score\"></th><th data-t=\"pairs.reason\"></th><th data-t=\"pairs.age\"></th>"
                + "<th data-t=\"pairs.actions\"></th></tr></thead><tbody></tbody></table></main>" + SCRIPTS
                + "<script src=\"/staff/pairs.js\"></script></body></html>";
    }

    /**
     * The case page: the conversation on the left (the whole width on a phone), the case, its deadlines, actions,
     * canned replies, notes and timeline beside it. {@code #similar} is left empty for the 并单 panel to fill.
     */
    @GetMapping(value = "/staff/case/{t}", produces = MediaType.TEXT_HTML_VALUE)
    String one(HttpServletRequest request, @PathVariable String t) {
        return HEAD + "<title>热线工作台</title></head><body data-page=\"case\" data-case=\""
                + HtmlUtils.htmlEscape(t) + "\">" + header() + "<main class=\"case\"><div class=\"case-head\">"
                + "<h1 id=\"number\"></h1><p><span id=\"state\"></span> · <span id=\"unit\"></span> · "
                + "<span id=\"holder\"></span></p></div>"
                + "<section id=\"chat\"><h2 data-t=\"case.conversation\"></h2><ol id=\"conversation\"></ol>"
                + "<section id=\"actions\"><select id=\"canned-pick\" aria-label=\"canned\"></select>"
                + "<textarea id=\"reply\" data-t-placeholder=\"case.replyBox\"></textarea><div class=\"buttons\">"
                + action("claim") + action("message") + action("resolve") + action("note") + action("return")
                + action("decline") + "<select id=\"to-unit\"></select>" + action("transfer")
                + "<button id=\"contact\" type=\"button\" data-t=\"action.contact\"></button></div>"
                + "<p id=\"result\" role=\"status\"></p></section></section>"
                + "<aside id=\"side\"><dl id=\"fields\"></dl>"
                + "<section id=\"deadlines\"><h2 data-t=\"case.deadlines\"></h2>" + due("claim-due", "case.claimDue")
                + due("reply-due", "case.replyDue") + "</section>"
                + "<section id=\"similar\" hidden></section>"
                + "<details id=\"canned-manage\" hidden><summary data-t=\"case.cannedManage\"></summary>"
                + "<form id=\"canned-form\" class=\"stacked\"><input id=\"canned-title\" maxlength=\"40\" required "
                + "data-t-placeholder=\"case.cannedTitle\"><textarea id=\"canned-text\" maxlength=\"1000\" required "
                + "data-t-placeholder=\"case.cannedText\"></textarea><button data-t=\"case.cannedSave\"></button>"
                + "<span id=\"canned-result\" role=\"status\"></span></form></details>"
                + "<h2 data-t=\"case.notes\"></h2><ol id=\"notes\"></ol>"
                + "<h2 data-t=\"case.timeline\"></h2><ol id=\"history\"></ol></aside></main>"
                + "<dialog id=\"confirm\"><p id=\"confirm-text\"></p><button id=\"confirm-yes\" type=\"button\" "
                + "data-t=\"confirm.yes\"></button><button id=\"confirm-no\" type=\"button\" data-t=\"confirm.no\">"
                + "</button></dialog>" + SCRIPTS
                + "<script src=\"/staff/case.js\"></script>"
                + "<script src=\"/staff/similar.js\"></script></body></html>"; // [merge] similar.js fills #similar
    }

    /** Every console page's header: nav.js builds the navigation into it. */
    static String header() {
        return "<header id=\"console-nav\"></header>";
    }

    private static String table(String id) {
        return "<table id=\"" + id + "\"><thead><tr><th data-t=\"col.number\"></th><th data-t=\"col.category\"></th>"
                + "<th data-t=\"col.unit\"></th><th data-t=\"col.state\"></th><th data-t=\"col.holder\"></th>"
                + "<th data-t=\"col.left\"></th></tr></thead><tbody></tbody></table>";
    }

    private static String action(String name) {
        return "<button id=\"" + name + "\" type=\"button\" data-action=\"" + name + "\" data-t=\"action." + name
                + "\" hidden></button>";
    }

    private static String due(String id, String label) {
        return "<p id=\"" + id + "\"><span data-t=\"" + label + "\"></span> <span class=\"when\"></span> · "
                + "<span class=\"left countdown\"></span></p>";
    }

    static String option(String value, String label) {
        return "<option value=\"" + value + "\">" + label + "</option>";
    }

    private static String hidden(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(token.getParameterName())
                + "\" value=\"" + HtmlUtils.htmlEscape(token.getToken()) + "\">";
    }
}
