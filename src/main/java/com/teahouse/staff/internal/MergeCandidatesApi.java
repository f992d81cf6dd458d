package com.teahouse.staff.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * 并单 in the console, what staff read before deciding: a case's candidates and the supervisor's list of open
 * pairs. Apart from {@link MergeApi}, which changes cases, because reading asks {@link CasePolicy} only what the
 * caller may see and what it could do, and changes nothing. Candidates in units the caller cannot see are left out.
 */
@RestController
@RequestMapping("/staff/api")
class MergeCandidatesApi {

    private final CaseWork work;
    private final CaseMerging merging;
    private final ConsoleAccess access;
    private final VisibleCases cases;
    private final Texts texts;
    private final CaseRows rows;
    private final Clock clock;

    MergeCandidatesApi(CaseWork work, CaseMerging merging, ConsoleAccess access, VisibleCases cases, Texts texts,
            CaseRows rows, Clock clock) {
        this.work = work;
        this.merging = merging;
        this.access = access;
        this.cases = cases;
        this.texts = texts;
        this.rows = rows;
        this.clock = clock;
    }

    @GetMapping("/cases/{t}/similar")
    ResponseEntity<Map<String, Object>> similar(Principal principal, HttpServletRequest request,
            @PathVariable String t) {
        CaseCaller who = access.me(principal).caller();
        CaseRecord c = cases.visible(who, t);
        String lang = rows.language(request);
        List<Map<String, Object>> items = merging.similarTo(c.trackingNumber()).stream()
                .filter(s -> cases.sees(who, s.tracking()))
                .map(s -> item(s.tracking(), s.score(), s.reasons(), lang)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("mergedInto", merging.mergedInto(c.trackingNumber()).orElse(null));
        m.put("group", merging.group(c.trackingNumber()).stream().filter(b -> cases.sees(who, b)).toList());
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
            Optional<CaseRecord> a = seen.computeIfAbsent(p.a(), t -> work.get(t).filter(c -> cases.sees(who, c)));
            Optional<CaseRecord> b = seen.computeIfAbsent(p.b(), t -> work.get(t).filter(c -> cases.sees(who, c)));
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

    /** A candidate, its reasons in the console's language (the page's switch). */
    private Map<String, Object> item(String tracking, double score, List<String> reasons, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tracking", tracking);
        m.put("score", score);
        m.put("reason", String.join("zh".equals(lang) ? "；" : "; ", reasons.stream()
                .map(r -> texts.plain("merge.reason." + r, lang)).toList()));
        return m;
    }
}
