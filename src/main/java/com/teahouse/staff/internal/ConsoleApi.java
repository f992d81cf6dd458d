package com.teahouse.staff.internal;

import com.teahouse.cases.Actor;
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
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
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

    record Action(String text, String unit, String route, Integer days) {
    }

    private final CaseWork work;
    private final ConsoleAccess access;
    private final Outbox outbox;
    private final Texts texts;
    private final Clock clock;

    ConsoleApi(CaseWork work, ConsoleAccess access, Outbox outbox, Texts texts, Clock clock) {
        this.work = work;
        this.access = access;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
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

    @GetMapping("/queue")
    List<Map<String, Object>> queue(Principal principal, @RequestParam(required = false) String state,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean supervised) {
        Account a = access.me(principal);
        if (!ConsoleAccess.handles(a)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String scope = ConsoleAccess.supervisor(a) ? blankToNull(unit) : a.unit();
        CaseFilter filter = new CaseFilter(state == null || state.isBlank() ? null : CaseState.of(state), scope,
                blankToNull(category), overdue, supervised && ConsoleAccess.supervisor(a), 200);
        return work.queue(filter).stream().map(c -> row(access.visible(a, c))).toList();
    }

    @GetMapping("/cases/{t}")
    Map<String, Object> one(Principal principal, @PathVariable String t) {
        Account a = access.me(principal);
        CaseRecord c = access.visible(a, work.get(t).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND)));
        Map<String, Object> m = row(c);
        m.put("description", c.description());
        m.put("location", c.location());
        m.put("company", c.company());
        m.put("contactName", c.contactName());
        m.put("phone", c.phone());
        m.put("confidential", c.confidential());
        m.put("transcript", c.transcript());
        m.put("attachments", c.attachments());
        m.put("resolution", c.resolution());
        m.put("history", work.history(c.trackingNumber()));
        m.put("mine", a.actor().id().equals(c.claimedBy()));
        return m;
    }

    @PostMapping("/cases/{t}/{action}")
    Map<String, Object> act(Principal principal, @PathVariable String t, @PathVariable String action,
            @RequestBody(required = false) Action body) {
        Account a = access.me(principal);
        CaseRecord c = access.visible(a, work.get(t).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND)));
        Actor me = a.actor();
        Action in = body == null ? new Action(null, null, null, null) : body;
        String op = "web:" + UUID.randomUUID();
        String text = in.text() == null ? "" : in.text().strip();
        Outcome o = switch (action) {
            case "claim" -> work.claim(t, me, op);
            case "resolve" -> work.resolve(t, me, text, op);
            case "transfer" -> work.transfer(t, me, in.unit(), op);
            case "return" -> work.giveBack(t, me, text, op);
            case "note" -> work.note(t, me, text, op);
            case "message" -> message(c, me, text, op);
            case "reroute" -> supervisorOnly(a, () -> work.reroute(t, me, in.unit(), op));
            case "extend" -> supervisorOnly(a, () -> work.extend(t, me, in.days() == null ? 0 : in.days(), text, op));
            case "decline" -> work.decline(t, me, DeclineRoute.valueOf((in.route() == null ? "NONE" : in.route())
                    .toUpperCase(Locale.ROOT)), text, op);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("done", o.done());
        result.put("problem", o.problem().name());
        result.put("state", o.state() == null ? null : o.state().id());
        result.put("claimer", o.claimer());
        return result;
    }

    /** What the holder writes in the reply box without resolving: relayed like a message in the topic. */
    private Outcome message(CaseRecord c, Actor me, String text, String op) {
        if (text.isEmpty()) {
            return new Outcome(false, Outcome.Problem.BAD_INPUT, c.state(), null);
        }
        Outcome o = work.said(c.trackingNumber(), me, text, op);
        if (o.done()) {
            String lang = texts.languageFor(c.language());
            outbox.post(List.of(Outbound.send(c.owner(), texts.render("case.staff.says", lang,
                    Map.of("name", me.name(), "text", text)))));
        }
        return o;
    }

    private static Outcome supervisorOnly(Account a, java.util.function.Supplier<Outcome> action) {
        if (!ConsoleAccess.supervisor(a)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return action.get();
    }

    private Map<String, Object> row(CaseRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tracking", c.trackingNumber());
        m.put("state", c.state().id());
        m.put("category", c.category());
        m.put("categoryName", work.categoryName(c.category(), "zh"));
        m.put("unit", c.unit());
        m.put("unitName", work.unitName(c.unit(), "zh"));
        m.put("due", c.due() == null ? null : c.due().toEpochMilli());
        m.put("overdue", c.overdue(clock.instant()));
        m.put("supervised", c.supervised());
        m.put("claimedByName", c.claimedByName());
        m.put("openedAt", c.openedAt().toEpochMilli());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
