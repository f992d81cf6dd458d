package com.teahouse.policy.internal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy office's pages: fixed HTML shells that /policy/policy.js fills from the JSON API with textContent (the
 * CSP allows no inline script). Nothing from a request goes into the markup. The navigation bar is shared with the
 * entries and editor pages (/policy/entries, /policy/edit).
 */
@RestController
class PolicyPages {

    static final String HEAD = "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<link rel=\"stylesheet\" href=\"/staff/console.css\"><link rel=\"stylesheet\" href=\"/policy/policy.css\">";
    static final String SCRIPT = "<script src=\"/policy/policy.js\"></script></body></html>";

    @GetMapping(value = "/policy", produces = MediaType.TEXT_HTML_VALUE)
    String unanswered() {
        return HEAD + "<title>政策工作台 · 未答问题</title></head><body data-page=\"unanswered\">" + nav("unanswered")
                + "<main><h1>未答问题</h1><form id=\"filters\"><label>最近 <select id=\"days\">"
                + "<option value=\"7\">7</option><option value=\"30\" selected>30</option>"
                + "<option value=\"90\">90</option></select> 天</label> <label>排序 <select id=\"sort\">"
                + "<option value=\"count\">次数</option><option value=\"last\">最近提问</option>"
                + "<option value=\"lang\">语言</option></select></label></form>"
                + "<table id=\"unanswered\"><thead><tr><th>问题</th><th>语言</th><th>次数</th><th>最近提问</th>"
                + "<th>最接近的条目</th><th></th></tr></thead><tbody></tbody></table>"
                + "<p id=\"empty\" hidden>没有未答问题。</p><p id=\"result\" role=\"status\"></p></main>" + SCRIPT;
    }

    @GetMapping(value = "/policy/try", produces = MediaType.TEXT_HTML_VALUE)
    String tryQuestion() {
        return HEAD + "<title>政策工作台 · 试问</title></head><body data-page=\"try\">" + nav("try")
                + "<main><h1>试问</h1><form id=\"try-form\"><textarea id=\"question\" maxlength=\"1000\" "
                + "placeholder=\"输入一个问题\" required></textarea><label>语言 <select id=\"lang\">"
                + "<option value=\"zh\">中文</option><option value=\"en\">English</option></select></label>"
                + draftFields() + "<button id=\"ask\" type=\"submit\">试问</button></form>"
                + "<p id=\"decision\" role=\"status\"></p><ul id=\"problems\"></ul>"
                + "<table id=\"ranking\"><thead><tr><th>条目</th><th>标题</th><th>概率</th><th>判定</th>"
                + "<th>原因</th></tr></thead><tbody></tbody></table></main>" + SCRIPT;
    }

    @GetMapping(value = "/policy/evaluate", produces = MediaType.TEXT_HTML_VALUE)
    String evaluate() {
        return HEAD + "<title>政策工作台 · 批量检查</title></head><body data-page=\"evaluate\">" + nav("evaluate")
                + "<main><h1>批量检查</h1><p>用评测集比较已发布的条目与草稿。</p><form id=\"evaluate-form\">"
                + draftFields() + "<button id=\"run\" type=\"submit\">运行</button></form>"
                + "<p id=\"summary\" role=\"status\"></p><ul id=\"problems\"></ul>"
                + "<table id=\"changed\"><thead><tr><th>问题</th><th>之前</th><th>之后</th></tr></thead>"
                + "<tbody></tbody></table></main>" + SCRIPT;
    }

    private static String draftFields() {
        return "<details id=\"draft-box\"><summary>对照草稿</summary><label>条目 id <input id=\"draft-id\" "
                + "pattern=\"[a-z0-9][a-z0-9-]*\"></label><textarea id=\"draft\" placeholder=\"粘贴条目的 Markdown\">"
                + "</textarea></details>";
    }

    /** The workspace's navigation: unanswered · entries · synonyms · try · evaluate, the current page marked. */
    static String nav(String current) {
        return "<header><nav id=\"policy-nav\">" + link("unanswered", "/policy", "未答问题", current)
                + link("entries", "/policy/entries", "条目", current)
                + link("synonyms", "/policy/synonyms", "同义词", current) + link("try", "/policy/try", "试问", current)
                + link("evaluate", "/policy/evaluate", "批量检查", current) + "</nav><span id=\"me\"></span>"
                + "<form method=\"post\" action=\"/staff/logout\" id=\"logout\"><button>退出</button></form></header>";
    }

    private static String link(String page, String href, String label, String current) {
        return "<a href=\"" + href + "\" data-nav=\"" + page + "\"" + (page.equals(current)
                ? " aria-current=\"page\"" : "") + ">" + label + "</a> ";
    }
}
