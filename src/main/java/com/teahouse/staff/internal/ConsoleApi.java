package com.teahouse.staff.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseFilter;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.CaseWork.DeclineRoute;
import com.teahouse.cases.CaseWork.Outcome;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Outbox;
import com.teahouse.texts.Texts;
import java.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's JSON: the queue, one case, and the actions. Pages render it with textContent only, so
 * nothing a user typed ever becomes markup.
 */
@RestController
@RequestMapping("/staff/api")
class ConsoleApi {

    private static final Logger log = LoggerFactory.getLogger(ConsoleApi.class);

    record Action(String text, String unit, String route, Integer days) {
    }

    private final CaseWork work;
    private final ConsoleAccess access;
    private final Outbox outbox;
    private final Texts texts;
    private final CaseRows rows;

    ConsoleApi(CaseWork work, ConsoleAccess access, Outbox outbox, Texts texts, CaseRows rows) {
        this.work = work;
        this.access = access;
        this.outbox = outbox;
        this.texts = texts;
        this.rows = rows;
    }

    /** Who is logged in, and the CSRF token (kept in the session) that the pages send back with each change. */
    @GetMapping("/me")
    Map<String, Object> me(Principal principal, CsrfToken csrf) {
        Account a = access.me(principal);
        return Map.of("username", a.username(), "name", a.name(), "roles", a.roles(), "unit",
                a.unit() == null ? "" : a.unit(), "units", work.units().stream()
                        .map(u -> Map.of("id", u, "name", work.unitName(u, "zh"))).toList(),
                "csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
    }

    /**
     * The queue: {@code view=mine} the cases the caller holds; {@code overdue}/{@code supervised} the 超期/督办 view
     * (within the caller's unit unless a supervisor).
     */
    @GetMapping("/queue")
    List<Map<String, Object>> queue(Principal principal, HttpServletRequest request,
            @RequestParam(required = false) String view, @RequestParam(required = false) String state,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean supervised) {
        CaseCaller who = access.me(principal).caller();
        if (!who.handlesCases()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        CaseState wanted;
        try {
            wanted = state == null || state.isBlank() ? null : CaseState.of(state);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown state");
        }
        String scope = who.supervisor() ? blankToNull(unit) : who.unit();
        boolean mine = "mine".equals(view);
        CaseFilter filter = new CaseFilter(mine && wanted == null ? CaseState.CLAIMED : wanted, scope,
                blankToNull(category), overdue, supervised, mine ? 1000 : 200);
        String lang = rows.language(request);
        String me = who.actor().id();
        return work.queue(filter).stream()
                .filter(c -> !mine || me.equals(c.claimedBy()))
                .filter(c -> access.policy().decide(who, CasePolicy.Action.SEE, c).allowed())
                .map(c -> rows.row(access.policy().seen(c), lang)).toList();
    }

    /** The "show contact" step: logged in the case's history (a confidential case needs a reason in text). */
    @PostMapping("/cases/{t}/contact")
    ResponseEntity<Map<String, Object>> contact(Principal principal, @PathVariable String t,
            @RequestBody(required = false) Action body) {
        Account a = access.me(principal);
        CaseRecord c = work.get(t).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String reason = body == null || body.text() == null ? "" : body.text().strip();
        var refused = access.refusal(a.caller(), CasePolicy.Action.SEE_CONTACT, c, CasePolicy.Input.text(reason));
        if (refused != null) {
            return refused;
        }
        work.contactShown(c.trackingNumber(), a.actor(), reason, "web:" + UUID.randomUUID());
        log.info("Contact data of case {} shown to {}", c.trackingNumber(), a.actor().id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("company", c.company());
        m.put("creditCode", c.creditCode());
        m.put("contactName", c.contactName());
        m.put("phone", c.phone());
        return ResponseEntity.ok(m);
    }

    @PostMapping("/cases/{t}/{action}")
    ResponseEntity<Map<String, Object>> act(Principal principal, @PathVariable String t,
            @PathVariable String action, @RequestBody(required = false) Action body) {
        Account a = access.me(principal);
        CasePolicy.Action what = ACTIONS.get(action);
        if (what == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CaseRecord c = work.get(t).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String n = c.trackingNumber();
        Actor me = a.actor();
        Action in = body == null ? new Action(null, null, null, null) : body;
        String text = in.text() == null ? "" : in.text().strip();
        var refused = access.refusal(a.caller(), what, c, new CasePolicy.Input(text, in.days()));
        if (refused != null) {
            return refused;
        }
        DeclineRoute route = DeclineRoute.parse(in.route());
        if (what == CasePolicy.Action.DECLINE && route == null) {
            return access.refused(HttpStatus.BAD_REQUEST, access.message("access.refused.route"));
        }
        String op = "web:" + UUID.randomUUID();
        DeclineRoute to = route;
        Outcome o = switch (what) {
            case CLAIM -> work.claim(n, me, op);
            case RESOLVE -> work.resolve(n, me, text, op, a.caller().actsOnBehalfOfHolder(c));
            case TRANSFER -> work.reroute(n, me, in.unit(), op);
            case RETURN -> work.giveBack(n, me, text, op);
            case NOTE -> work.note(n, me, text, op);
            case RELAY -> message(c, me, text, op, a.caller().actsOnBehalfOfHolder(c));
            case EXTEND -> work.extend(n, me, in.days(), text, op);
            case DECLINE -> work.decline(n, me, to, text, op, a.caller().supervisor());
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        var lostHold = access.refusal(o);
        if (lostHold != null) {
            return lostHold;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("done", o.done());
        result.put("problem", o.problem().name());
        result.put("state", o.state() == null ? null : o.state().id());
        result.put("claimer", o.claimer());
        return ResponseEntity.ok(result);
    }

    /** The console's action names; {@code reroute} is the supervisor's name for a transfer. */
    private static final Map<String, CasePolicy.Action> ACTIONS = Map.of("claim", CasePolicy.Action.CLAIM,
            "resolve", CasePolicy.Action.RESOLVE, "transfer", CasePolicy.Action.TRANSFER,
            "reroute", CasePolicy.Action.TRANSFER, "return", CasePolicy.Action.RETURN,
            "note", CasePolicy.Action.NOTE, "message", CasePolicy.Action.RELAY, "extend", CasePolicy.Action.EXTEND,
            "decline", CasePolicy.Action.DECLINE);

    /** What the holder writes in the reply box without resolving: relayed like a message in the topic. */
    private Outcome message(CaseRecord c, Actor me, String text, String op, boolean onBehalfOfHolder) {
        if (text.isEmpty()) {
            return new Outcome(false, Outcome.Problem.BAD_INPUT, c.state(), null);
        }
        Outcome o = work.said(c.trackingNumber(), me, text, op, onBehalfOfHolder);
        if (o.done()) {
            String lang = texts.languageFor(c.language());
            outbox.post(List.of(Outbound.send(c.owner(), texts.render("case.staff.says", lang,
                    Map.of("name", me.name(), "text", text)))));
        }
        return o;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
