package com.teahouse.staff.internal;

import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CasePolicy.Decision;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.CaseWork.Outcome;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * 并单 changes in the console: merge, unmerge and dismiss (what staff read first is {@link MergeCandidatesApi}).
 * Every change asks {@link CasePolicy} first (MERGE, UNMERGE, DISMISS); a refusal is a 4xx with the polite
 * reason and changes nothing.
 */
@RestController
@RequestMapping("/staff/api")
class MergeApi {

    record MergeBody(String into) {
    }

    private final CaseWork work;
    private final CaseMerging merging;
    private final ConsoleAccess access;
    private final VisibleCases cases;
    private final Refusals refusals;

    MergeApi(CaseWork work, CaseMerging merging, ConsoleAccess access, VisibleCases cases, Refusals refusals) {
        this.work = work;
        this.merging = merging;
        this.access = access;
        this.cases = cases;
        this.refusals = refusals;
    }

    @PostMapping("/cases/{t}/merge")
    ResponseEntity<Map<String, Object>> merge(Principal principal, @PathVariable String t,
            @RequestBody(required = false) MergeBody body) {
        Account a = access.me(principal);
        CaseRecord b = cases.visible(a.caller(), t);
        String target = body == null || body.into() == null ? "" : body.into().strip().toUpperCase();
        Optional<CaseRecord> into = target.isEmpty() ? Optional.empty() : work.get(target);
        Decision d = access.policy().decideMerge(a.caller(), b, into.orElse(null),
                !merging.group(b.trackingNumber()).isEmpty());
        if (!d.allowed()) {
            return refused(d);
        }
        boolean sameCategory = !a.caller().supervisor();
        return done(merging.merge(b.trackingNumber(), into.get().trackingNumber(), a.actor(), sameCategory));
    }

    @PostMapping("/cases/{t}/unmerge")
    ResponseEntity<Map<String, Object>> unmerge(Principal principal, @PathVariable String t) {
        Account a = access.me(principal);
        CaseRecord b = cases.visible(a.caller(), t);
        CaseRecord into = merging.mergedInto(b.trackingNumber()).flatMap(work::get).orElse(null);
        Decision d = access.policy().decideUnmerge(a.caller(), b, into);
        if (!d.allowed()) {
            return refused(d);
        }
        return done(merging.unmerge(b.trackingNumber(), a.actor()));
    }

    @PostMapping("/cases/{t}/similar/{other}/dismiss")
    ResponseEntity<Map<String, Object>> dismiss(Principal principal, @PathVariable String t,
            @PathVariable String other) {
        Account a = access.me(principal);
        CaseRecord c = cases.visible(a.caller(), t);
        var refused = access.refusal(a.caller(), CasePolicy.Action.DISMISS, c, CasePolicy.Input.NONE);
        if (refused != null) {
            return refused;
        }
        String o = other.strip().toUpperCase();
        if (merging.similarTo(c.trackingNumber()).stream().noneMatch(s -> s.tracking().equals(o))) {
            return access.refused(HttpStatus.NOT_FOUND, access.message("merge.refused.target"));
        }
        return done(merging.dismiss(c.trackingNumber(), o, a.actor()));
    }

    private ResponseEntity<Map<String, Object>> refused(Decision d) {
        if (d.hidden()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String key = d.key() == null ? "" : d.key();
        HttpStatus status = switch (key) {
            case "merge.refused.target" -> HttpStatus.NOT_FOUND;
            case "merge.refused.self" -> HttpStatus.BAD_REQUEST;
            case "merge.refused.targetState", "merge.refused.resolved", "merge.refused.hasGroup",
                    "access.refused.state" -> HttpStatus.CONFLICT;
            default -> HttpStatus.FORBIDDEN;
        };
        return access.refused(status, refusals.of(d).plainText());
    }

    private static ResponseEntity<Map<String, Object>> done(Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("done", o.done());
        m.put("problem", o.problem().name());
        m.put("state", o.state() == null ? null : o.state().id());
        return o.done() ? ResponseEntity.ok(m) : ResponseEntity.status(HttpStatus.CONFLICT).body(m);
    }
}
