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
        return HEAD + "<title>热线工作台 · 待办</title></head><body data-page=\"queue\">" + header()
                + "<main><form id=\"filters\"><select id=\"f-state\"><option value=\"\">全部状态</option>"
                + option("new", "待受理") + option("dispatched", "待接单") + option("claimed", "办理中")
                + option("replied", "待评价") + option("returned", "已退回") + option("reopened", "重新办理")
                + "</select><select id=\"f-unit\"><option value=\"\">全部单位</option></select>"
                + "<input id=\"f-category\" placeholder=\"类别\"><label><input type=\"checkbox\" id=\"f-overdue\">"
                + "已超期</label><label><input type=\"checkbox\" id=\"f-supervised\">督办</label></form>"
                + "<table id=\"queue\"><thead><tr><th>编号</th><th>类别</th><th>单位</th><th>状态</th>"
                + "<th>承办人</th><th>剩余时间</th></tr></thead><tbody></tbody></table></main>"
                + "<script src=\"/staff/console.js\"></script></body></html>";
    }

    @GetMapping(value = "/staff/case/{t}", produces = MediaType.TEXT_HTML_VALUE)
    String one(HttpServletRequest request, @PathVariable String t) {
        return HEAD + "<title>热线工作台 · 案件</title></head><body data-page=\"case\" data-case=\""
                + HtmlUtils.htmlEscape(t) + "\">" + header() + "<main><h1 id=\"number\"></h1>"
                + "<p><span id=\"state\"></span> · <span id=\"unit\"></span> · <span id=\"holder\"></span>"
                + " · <span id=\"countdown\"></span></p><dl id=\"fields\"></dl>"
                + "<h2>对话记录</h2><ol id=\"transcript\"></ol><h2>附件</h2><ul id=\"attachments\"></ul>"
                + "<section id=\"actions\"><button id=\"claim\">接单</button>"
                + "<textarea id=\"reply\" placeholder=\"答复企业 / 备注 / 理由\"></textarea>"
                + "<button id=\"message\">发送给企业</button><button id=\"resolve\">办结并答复</button>"
                + "<button id=\"note\">备注</button><button id=\"return\">退回</button>"
                + "<select id=\"to-unit\"></select><button id=\"transfer\">转办</button>"
                + "<button id=\"contact\">查看联系方式</button>"
                + "<p id=\"result\" role=\"status\"></p></section>"
                + "<section id=\"similar\"></section>" // [merge] filled by similar.js
                + "<h2>办理记录</h2><ol id=\"history\"></ol></main>"
                + "<script src=\"/staff/console.js\"></script>"
                + "<script src=\"/staff/similar.js\"></script></body></html>";
    }

    static String header() {
        return "<header><a href=\"/staff\">待办</a> <a href=\"/staff/reports\">统计</a>"
                + " <a href=\"/staff/account\">我的账号</a>"
                + " <a href=\"/staff/accounts\" id=\"accounts-link\" hidden>账号管理</a> <span id=\"me\"></span>"
                + "<form method=\"post\" action=\"/staff/logout\" id=\"logout\"><button>退出</button></form></header>";
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
