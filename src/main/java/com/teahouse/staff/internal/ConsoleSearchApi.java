package com.teahouse.staff.internal;

import com.teahouse.cases.CaseCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /staff/api/search?q=…}: cases by tracking number, company, description text and category, only those
 * {@link com.teahouse.cases.CasePolicy} lets the user see. A phone number is searched for supervisors only, and
 * each such search is written to the staff audit stream (who, when, the number masked, how many found).
 */
@RestController
class ConsoleSearchApi {

    private final ConsoleAccess access;
    private final ConsoleSearch search;
    private final CaseRows rows;
    private final AuditLog audit;

    ConsoleSearchApi(ConsoleAccess access, ConsoleSearch search, CaseRows rows, AuditLog audit) {
        this.access = access;
        this.search = search;
        this.rows = rows;
        this.audit = audit;
    }

    @GetMapping("/staff/api/search")
    ResponseEntity<Map<String, Object>> search(Principal principal, HttpServletRequest request,
            @RequestParam(required = false) String q) {
        Account a = access.me(principal);
        CaseCaller who = a.caller();
        if (!who.handlesCases()) {
            return access.refused(HttpStatus.FORBIDDEN, access.message("access.refused.staff"));
        }
        SearchQuery query = SearchQuery.parse(q);
        if (query == null) {
            return access.refused(HttpStatus.BAD_REQUEST, access.message("console.search.empty"));
        }
        if (query.kind() == SearchQuery.Kind.PHONE && !access.policy().mayFindByPhone(who)) {
            return access.refused(HttpStatus.FORBIDDEN, access.message("console.search.phone_supervisors"));
        }
        String lang = rows.language(request);
        ConsoleSearch.Found found = search.find(who, query);
        List<Map<String, Object>> items = found.cases().stream().map(c -> rows.row(c, lang)).toList();
        if (query.kind() == SearchQuery.Kind.PHONE) {
            audit.record(a.username(), "phone-search", "", query.masked() + " → " + items.size());
        }
        return ResponseEntity.ok(Map.of("items", items, "more", found.more()));
    }
}
