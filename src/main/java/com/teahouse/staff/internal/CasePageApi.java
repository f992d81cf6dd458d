package com.teahouse.staff.internal;

import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /staff/api/cases/{t}}: one case for its page, without contact data (see the "show contact" step in
 * {@link ConsoleApi}) and, for a confidential case, without the company. With it: the conversation
 * ({@link CaseConversation}), the timeline (the case's event log), the deadlines with the office time left, the
 * internal notes, and which actions the policy would allow now (the page offers only those).
 */
@RestController
class CasePageApi {

    private final CaseWork work;
    private final ConsoleAccess access;
    private final CaseRows rows;

    CasePageApi(CaseWork work, ConsoleAccess access, CaseRows rows) {
        this.work = work;
        this.access = access;
        this.rows = rows;
    }

    @GetMapping("/staff/api/cases/{t}")
    ResponseEntity<Map<String, Object>> one(Principal principal, HttpServletRequest request, @PathVariable String t) {
        Account a = access.me(principal);
        CaseRecord full = work.get(t).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var refused = access.refusal(a.caller(), CasePolicy.Action.SEE, full, CasePolicy.Input.NONE);
        if (refused != null) {
            return refused;
        }
        CaseRecord c = access.policy().seen(full);
        var history = work.history(c.trackingNumber());
        Map<String, Object> m = rows.row(c, rows.language(request));
        m.put("description", c.description());
        m.put("location", c.location());
        m.put("company", c.company());
        m.put("confidential", c.confidential());
        m.put("conversation", CaseConversation.of(c, history));
        m.put("attachments", c.attachments());
        m.put("resolution", c.resolution());
        m.put("history", history);
        m.put("notes", history.stream().filter(e -> "note".equals(e.type())).toList());
        Map<String, Object> deadlines = new LinkedHashMap<>();
        deadlines.put("claimDue", c.claimDue() == null ? null : c.claimDue().toEpochMilli());
        deadlines.put("claimLeft", rows.workingLeft(c.claimDue()));
        deadlines.put("replyDue", c.replyDue() == null ? null : c.replyDue().toEpochMilli());
        deadlines.put("replyLeft", rows.workingLeft(c.replyDue()));
        m.put("deadlines", deadlines);
        m.put("mine", a.actor().id().equals(c.claimedBy()));
        m.put("allowed", List.of(CasePolicy.Action.values()).stream()
                .filter(x -> x != CasePolicy.Action.REOPEN && x != CasePolicy.Action.RATE
                        && x != CasePolicy.Action.STATUS)
                .filter(x -> access.policy().decide(a.caller(), x, full).allowed())
                .map(x -> x.name().toLowerCase()).toList());
        return ResponseEntity.ok(m);
    }
}
