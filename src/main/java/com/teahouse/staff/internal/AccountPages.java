package com.teahouse.staff.internal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account pages, fixed HTML shells like the rest of the console ({@link ConsolePages}): {@code /staff/account}
 * (one's own password) and {@code /staff/accounts} (admins: accounts and the audit stream). account.js fills
 * them through the account API with textContent; there is no inline script (the CSP forbids it).
 */
@RestController
class AccountPages {

    private static final String SCRIPTS = ConsolePages.SCRIPTS
            + "<script src=\"/staff/account.js\"></script></body></html>";

    @GetMapping(value = "/staff/account", produces = MediaType.TEXT_HTML_VALUE)
    String own() {
        return ConsolePages.HEAD + "<title>热线工作台 · 我的账号</title></head><body data-page=\"account\">"
                + ConsolePages.header() + "<main><h1>修改密码</h1>"
                + "<p class=\"hint\">至少 12 个字符、最多 72 字节；不能是常见密码、用户名或同一字符重复。"
                + "修改后，您在其他设备上的登录会退出。</p>"
                + "<form id=\"password-form\" class=\"stacked\">"
                + "<label>当前密码 <input id=\"current\" type=\"password\" autocomplete=\"current-password\" required>"
                + "</label><label>新密码 <input id=\"new-password\" type=\"password\" autocomplete=\"new-password\" "
                + "required></label><label>再次输入新密码 <input id=\"repeat\" type=\"password\" "
                + "autocomplete=\"new-password\" required></label><button id=\"change\" type=\"submit\">修改密码</button>"
                + "</form><p id=\"result\" role=\"status\"></p></main>" + SCRIPTS;
    }

    @GetMapping(value = "/staff/accounts", produces = MediaType.TEXT_HTML_VALUE)
    String admin() {
        return ConsolePages.HEAD + "<title>热线工作台 · 账号管理</title></head><body data-page=\"accounts\">"
                + ConsolePages.header() + "<main><h1>账号管理</h1><p id=\"result\" role=\"status\"></p>"
                + "<table id=\"accounts\"><thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th>单位</th>"
                + "<th>Telegram</th><th>状态</th><th>操作</th></tr></thead><tbody></tbody></table>"
                + "<h2>新建账号</h2><form id=\"create-form\" class=\"stacked\">"
                + "<label>用户名 <input id=\"new-username\" required maxlength=\"64\"></label>"
                + "<label>姓名 <input id=\"new-name\" maxlength=\"64\"></label>"
                + "<label>工号 <input id=\"new-number\" maxlength=\"16\"></label>"
                + "<label>初始密码 <input id=\"new-account-password\" type=\"password\" autocomplete=\"new-password\" "
                + "required></label><fieldset id=\"new-roles\"><legend>角色</legend>" + roles("new-role")
                + "</fieldset><label>单位 <select id=\"new-unit\"><option value=\"\">无</option></select></label>"
                + "<button id=\"create\" type=\"submit\">新建</button></form>"
                + "<h2>操作记录</h2><table id=\"audit\"><thead><tr><th>时间</th><th>操作人</th><th>操作</th>"
                + "<th>账号</th><th>详情</th></tr></thead><tbody></tbody></table></main>" + SCRIPTS;
    }

    private static String roles(String name) {
        StringBuilder b = new StringBuilder();
        for (String[] r : new String[][] {{"STAFF", "办理人员"}, {"SUPERVISOR", "督办"}, {"POLICY_EDITOR", "政策编辑"},
                {"ADMIN", "管理员"}}) {
            b.append("<label><input type=\"checkbox\" name=\"").append(name).append("\" value=\"").append(r[0])
                    .append("\">").append(r[1]).append("</label>");
        }
        return b.toString();
    }
}
