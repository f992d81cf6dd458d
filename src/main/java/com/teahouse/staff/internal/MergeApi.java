package com.teahouse.staff.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CasePolicy.Decision;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.CaseWork.Outcome;
import com.teahouse.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * 并单 in the console: a case's candidates, the supervisor's list of open pairs, merge, unmerge and dismiss.
 * Every change asks {@link CasePolicy} first (MERGE, UNMERGE, DISMISS); a refusal is a 4xx with the polite
 * reason and changes nothing. Candidates in units the caller cannot see are left out.
 */
@RestController
@RequestMapping("/staff/api")
class MergeApi {

    record MergeBody(String into) {
    }

    private final CaseWork work;
    private final CaseMerging merging;
    private final ConsoleAccess access;
    private final Refusals refusals;
    private final Texts texts;
    private final CaseRows rows;
    private final Clock clock;

    MergeApi(CaseWork work, CaseMerging merging, ConsoleAccess access, Refusals refusals, Texts texts,
            CaseRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
        this.work = work;
        this.merging = merging;
        this.access = access;
        this.refusals = refusals;
        this.texts = texts;
    }

    @GetMapping("/cases/{t}/similar")
    ResponseEntity<Map<String, Object>> similar(Principal principal, HttpServletRequest request,
            @PathVariable String t) {
        CaseCaller who = access.me(principal).caller();
        CaseRecord c = visible(who, t);
        String lang = rows.language(request);
        List<Map<String, Object>> items = merging.similarTo(c.trackingNumber()).stream()
                .filter(s -> seen(who, s.tracking()))
                .map(s -> item(s.tracking(), s.score(), s.reasons(), lang)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("mergedInto", merging.mergedInto(c.trackingNumber()).orElse(null));
        m.put("group", merging.group(c.trackingNumber()).stream().filter(b -> seen(who, b)).toList());
        m.put("canMerge", access.policy().decide(who, CasePolicy.Action.MERGE, c).allowed());
        m.put("canUnmerge", access.policy().decide(who, CasePolicy.Action.UNMERGE, c).allowed());
        return ResponseEntity.ok(m);
    }

    /**
     * The supervisor's 并单 list: open candidate pairs, best first, each with its two cases (A the earlier number,
     * the one B is merged into) and how long it has stood (since the later case opened). A pair with a case the caller
     * may not see is left out, as everywhere in the console.
     */
    @GetMapping("/similar")
    Map<String, Object> pairs(Principal principal, HttpServletRequest request) {
        CaseCaller who = access.me(principal).caller();
        if (!who.handlesCases() || !who.supervisor()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String lang = rows.language(request);
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Optional<CaseRecord>> seen = new HashMap<>(); // a case is often in several pairs: read it once
        for (CaseMerging.Pair p : merging.openPairs(100)) {
            Optional<CaseRecord> a = seen.computeIfAbsent(p.a(), t -> work.get(t).filter(c -> sees(who, c)));
            Optional<CaseRecord> b = seen.computeIfAbsent(p.b(), t -> work.get(t).filter(c -> sees(who, c)));
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            Map<String, Object> m = item(p.b(), p.score(), p.reasons(), lang);
            m.put("a", p.a());
            m.put("b", p.b());
            m.put("category", work.categoryName(a.get().category(), lang));
            Instant since = later(a.get().openedAt(), b.get().openedAt());
            m.put("ageMillis", since == null ? null : Math.max(0, clock.millis() - since.toEpochMilli()));
            items.add(m);
        }
        return Map.of("items", items);
    }

    private static Instant later(Instant x, Instant y) {
        return x == null ? y : y == null || x.isAfter(y) ? x : y;
    }

    @PostMapping("/cases/{t}/merge")
    ResponseEntity<Map<String, Object>> merge(Principal principal, @PathVariable String t,
            @RequestBody(required = false) MergeBody body) {
        Account a = access.me(principal);
        CaseRecord b = visible(a.caller(), t);
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
        CaseRecord b = visible(a.caller(), t);
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
        CaseRecord c = visible(a.caller(), t);
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

    /** The case if the caller may see it; otherwise a 404, as for an unknown number. */
    private CaseRecord visible(CaseCaller who, String t) {
        CaseRecord c = work.get(t).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Decision d = access.policy().decide(who, CasePolicy.Action.SEE, c);
        if (d.hidden()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!d.allowed()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return c;
    }

    private boolean seen(CaseCaller who, String t) {
        return work.get(t).map(c -> sees(who, c)).orElse(false);
    }

    private boolean sees(CaseCaller who, CaseRecord c) {
        return access.policy().decide(who, CasePolicy.Action.SEE, c).allowed();
    }

    /** A candidate, its reasons in the console's language (the page's switch). */
    private Map<String, Object> item(String tracking, double score, List<String> reasons, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tracking", tracking);
        m.put("score", score);
        m.put("reason", String.join("zh".equals(lang) ? "；" : "; ", reasons.stream()
                .map(r -> texts.plain("merge.reason." + r, lang)).toList()));
        return m;
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
