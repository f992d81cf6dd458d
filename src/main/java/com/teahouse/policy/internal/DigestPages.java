package com.teahouse.policy.internal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy office's digest pages: fixed HTML shells in the console's style; digest.js fills them from
 * {@code /policy/api} with textContent and takes the CSRF token from {@code GET /staff/api/me}. Nothing from the
 * request is put into markup (the editor reads its query string itself). The navigation is the workspace's
 * ({@link PolicyPages#nav}).
 */
@RestController
class DigestPages {

    private static final String HEAD = "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<link rel=\"stylesheet\" href=\"/staff/console.css\"><link rel=\"stylesheet\" href=\"/policy/policy.css\">";
    private static final String SCRIPT = "<script src=\"/policy/digest.js\"></script></body></html>";

    @GetMapping(value = "/policy/entries", produces = MediaType.TEXT_HTML_VALUE)
    String entries() {
        return HEAD + "<title>政策知识库 · 条目</title></head><body data-page=\"entries\">" + header("entries")
                + "<main><h1>条目 Entries</h1><form id=\"filters\"><input id=\"q\" type=\"search\" "
                + "placeholder=\"编号、标题、文件、部门、标签、到期 / id, title, document…\">"
                + "<label><input type=\"checkbox\" id=\"expiring\">30天内到期或已过期 expiring</label></form>"
                + "<p><a href=\"/policy/edit?new=1\" id=\"new-entry\">新建条目 New entry</a> · "
                + "<a href=\"/policy/api/export\" id=\"export\">导出 knowledge.zip</a></p>"
                + "<table id=\"entries\"><thead><tr><th>编号 id</th><th>标题 title</th><th>文件 document</th>"
                + "<th>部门 department</th><th>标签 tags</th><th>到期 expires</th></tr></thead><tbody></tbody></table>"
                + "</main>" + SCRIPT;
    }

    @GetMapping(value = "/policy/edit", produces = MediaType.TEXT_HTML_VALUE)
    String edit() {
        return HEAD + "<title>政策知识库 · 编辑</title></head><body data-page=\"edit\">" + header("entries")
                + "<main class=\"editor\"><h1>编辑条目 Edit entry</h1>"
                + "<label>编号 id <input id=\"entry-id\" autocomplete=\"off\"></label> <span id=\"version\"></span>"
                + "<div class=\"columns\"><section><div class=\"code\"><pre id=\"gutter\" aria-hidden=\"true\"></pre>"
                + "<textarea id=\"markdown\" spellcheck=\"false\" rows=\"32\"></textarea></div>"
                + "<h2>检查 kb check</h2><ol id=\"problems\"></ol></section>"
                + "<section><h2>中文预览 zh</h2><div id=\"preview-zh\" class=\"bubble\"></div>"
                + "<h2>English preview</h2><div id=\"preview-en\" class=\"bubble\"></div></section></div>"
                + "<p><input id=\"note\" placeholder=\"发布说明 note\" size=\"60\"> "
                + "<button id=\"publish\">发布 Publish</button> <button id=\"withdraw\">撤下 Withdraw</button></p>"
                + "<p id=\"result\" role=\"status\"></p>" + historyBlock() + "</main>" + SCRIPT;
    }

    @GetMapping(value = "/policy/synonyms", produces = MediaType.TEXT_HTML_VALUE)
    String synonyms() {
        return HEAD + "<title>政策知识库 · 同义词</title></head><body data-page=\"synonyms\">" + header("synonyms")
                + "<main><h1>同义词 Synonyms</h1> <span id=\"version\"></span>"
                + "<textarea id=\"synonyms\" spellcheck=\"false\" rows=\"30\"></textarea>"
                + "<ol id=\"problems\"></ol><p><input id=\"note\" placeholder=\"发布说明 note\" size=\"60\"> "
                + "<button id=\"publish\">发布 Publish</button></p><p id=\"result\" role=\"status\"></p>"
                + historyBlock() + "</main>" + SCRIPT;
    }

    private static String historyBlock() {
        return "<h2>历史版本 History</h2><table id=\"history\"><thead><tr><th>从 from</th><th>到 to</th>"
                + "<th>版本 version</th><th>作者 author</th><th>时间 at</th><th>说明 note</th><th></th></tr></thead>"
                + "<tbody></tbody></table><button id=\"diff\">比较 Compare</button><pre id=\"diff-out\"></pre>";
    }

    private static String header(String page) {
        return PolicyPages.nav(page);
    }
}
