package com.teahouse.staff.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CaseFilter;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.staff.StaffRole;
import com.teahouse.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the navigation shared by every console page needs (nav.js): the page texts in the browser's language, the
 * items this account's roles may use, the counts (new, overdue, supervised) of the cases it may see, and its
 * deadline reminders. Items a role does not serve are not sent at all; the pages behind them check again.
 */
@RestController
class ConsoleNavApi {

    /** Counts stop here ("99+"): the navigation needs a sense of size, not an exact figure. */
    static final int COUNT_CAP = 100;

    /** A navigation item and the roles it serves. */
    record Item(String id, String href, Set<StaffRole> roles) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("queue", "/staff", Set.of(StaffRole.STAFF, StaffRole.SUPERVISOR)),
            new Item("mine", "/staff?view=mine", Set.of(StaffRole.STAFF, StaffRole.SUPERVISOR)),
            new Item("overdue", "/staff?view=overdue", Set.of(StaffRole.STAFF, StaffRole.SUPERVISOR)),
            new Item("similar", "/staff/similar", Set.of(StaffRole.SUPERVISOR)),
            new Item("reports", "/staff/reports", Set.of(StaffRole.STAFF, StaffRole.SUPERVISOR)),
            new Item("policy", "/policy", Set.of(StaffRole.POLICY_EDITOR, StaffRole.ADMIN)),
            new Item("accounts", "/staff/accounts", Set.of(StaffRole.ADMIN)));

    private final ConsoleAccess access;
    private final CaseWork work;
    private final CaseRows rows;
    private final Texts texts;
    private final Reminders reminders;

    ConsoleNavApi(ConsoleAccess access, CaseWork work, CaseRows rows, Texts texts, Reminders reminders) {
        this.access = access;
        this.work = work;
        this.rows = rows;
        this.texts = texts;
        this.reminders = reminders;
    }

    /** The console's texts (console.ui.*) in the browser's language, or in {@code lang} when given. */
    @GetMapping("/staff/api/texts")
    Map<String, Object> texts(HttpServletRequest request, @RequestParam(required = false) String lang) {
        String language = lang == null ? rows.language(request) : texts.languageFor(lang);
        Map<String, String> all = new LinkedHashMap<>();
        for (String key : texts.keysStartingWith("console.ui.")) {
            all.put(key.substring("console.ui.".length()), texts.plain(key, language));
        }
        return Map.of("lang", language, "languages", texts.languages(), "texts", all,
                "workingDayMillis", rows.workingDayMillis());
    }

    @GetMapping("/staff/api/nav")
    Map<String, Object> nav(Principal principal) {
        Account a = access.me(principal);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Item i : ITEMS) {
            if (i.roles().stream().anyMatch(a::has)) {
                items.add(Map.of("id", i.id(), "href", i.href()));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("counts", counts(a.caller()));
        m.put("reminders", reminders.of(a.username()));
        return m;
    }

    private Map<String, Integer> counts(CaseCaller who) {
        if (!who.handlesCases()) {
            return Map.of();
        }
        String unit = who.supervisor() ? null : who.unit();
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("new", count(who, new CaseFilter(CaseState.DISPATCHED, unit, null, false, false, COUNT_CAP)));
        m.put("overdue", count(who, new CaseFilter(null, unit, null, true, false, COUNT_CAP)));
        m.put("supervised", count(who, new CaseFilter(null, unit, null, false, true, COUNT_CAP)));
        return m;
    }

    private int count(CaseCaller who, CaseFilter filter) {
        return (int) work.queue(filter).stream()
                .filter(c -> access.policy().decide(who, CasePolicy.Action.SEE, c).allowed()).count();
    }
}
