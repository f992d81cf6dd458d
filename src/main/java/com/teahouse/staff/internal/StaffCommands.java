package com.teahouse.staff.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CasePolicy.Action;
import com.teahouse.cases.CasePolicy.Decision;
import com.teahouse.cases.CasePolicy.Input;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.CaseWork.DeclineRoute;
import com.teahouse.cases.CaseWork.Outcome;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Step;
import com.teahouse.texts.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The staff actions, from a card button or a command typed in the case's topic. Each asks {@link CasePolicy}
 * first: a refusal is said politely in the topic and changes nothing; another unit's case looks unknown.
 */
@Component
class StaffCommands {

    private static final Logger log = LoggerFactory.getLogger(StaffCommands.class);

    private final CaseWork work;
    private final CasePolicy policy;
    private final Texts texts;
    private final CaseCard card;
    private final Refusals refusals;

    StaffCommands(CaseWork work, CasePolicy policy, Texts texts, CaseCard card, Refusals refusals) {
        this.work = work;
        this.policy = policy;
        this.texts = texts;
        this.card = card;
        this.refusals = refusals;
    }

    Step button(Address where, Inbound m, CaseCaller who, String action, String t, String arg) {
        String op = m.id();
        return switch (action) {
            case "claim" -> act(where, who, Action.CLAIM, t, Input.NONE, c -> work.claim(t, who.actor(), op));
            case "resolve" -> prompt(where, who, Action.RESOLVE, t, "staff.prompt.resolve");
            case "return" -> prompt(where, who, Action.RETURN, t, "staff.prompt.return");
            case "note" -> prompt(where, who, Action.NOTE, t, "staff.prompt.note");
            case "transfer" -> transferChoices(where, who, t);
            case "to" -> act(where, who, Action.TRANSFER, t, Input.NONE, c -> work.reroute(t, who.actor(), arg, op));
            case "contact" -> contact(where, m, who, t, null);
            default -> Step.reply(List.of());
        };
    }

    Step command(Address where, Inbound m, CaseCaller who, String t, String name, String args) {
        String op = m.id();
        Actor me = who.actor();
        Input text = Input.text(args);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "claim" -> act(where, who, Action.CLAIM, t, Input.NONE, c -> work.claim(t, me, op));
            case "resolve" -> act(where, who, Action.RESOLVE, t, text,
                    c -> work.resolve(t, me, args, op, who.actsOnBehalfOfHolder(c)));
            case "transfer" -> args.isEmpty() ? transferChoices(where, who, t)
                    : act(where, who, Action.TRANSFER, t, Input.NONE, c -> work.reroute(t, me, args, op));
            case "return" -> act(where, who, Action.RETURN, t, text, c -> work.giveBack(t, me, args, op));
            case "note" -> allowed(where, who, Action.NOTE, t, text, c -> noted(where, work.note(t, me, args, op)));
            case "decline" -> decline(where, who, t, args, op);
            case "extend" -> extend(where, who, t, args, op);
            case "contact" -> contact(where, m, who, t, args);
            default -> usage(where);
        };
    }

    private Step decline(Address where, CaseCaller who, String t, String args, String op) {
        String[] parts = args.split("\\s+", 2);
        DeclineRoute route = parts[0].isEmpty() ? null : DeclineRoute.parse(parts[0]);
        if (route == null) {
            return say(where, "access.refused.route", Map.of());
        }
        String reason = parts.length < 2 ? "" : parts[1];
        return act(where, who, Action.DECLINE, t, Input.text(reason),
                c -> work.decline(t, who.actor(), route, reason, op, who.supervisor()));
    }

    private Step extend(Address where, CaseCaller who, String t, String args, String op) {
        String[] parts = args.split("\\s+", 2);
        Integer days;
        try {
            days = Integer.valueOf(parts[0]);
        } catch (NumberFormatException e) {
            days = null; // the policy refuses it with the 1–30 rule
        }
        String reason = parts.length < 2 ? "" : parts[1];
        int n = days == null ? 0 : days;
        return act(where, who, Action.EXTEND, t, new Input(reason, days),
                c -> work.extend(t, who.actor(), n, reason, op));
    }

    private Step transferChoices(Address where, CaseCaller who, String t) {
        return allowed(where, who, Action.TRANSFER, t, Input.NONE, c -> {
            List<List<Button>> rows = new ArrayList<>();
            for (String unit : work.units()) {
                rows.add(List.of(Button.action(work.unitName(unit, card.language()), "case:to:" + t + ":" + unit)));
            }
            return Step.reply(List.of(Outbound.send(where, texts.render("staff.prompt.transfer", card.language()),
                    rows)));
        });
    }

    private Step prompt(Address where, CaseCaller who, Action action, String t, String key) {
        return allowed(where, who, action, t, Input.NONE, c -> say(where, key, Map.of()));
    }

    /**
     * Contact data goes to the asker's private chat, never into the topic, and the look is logged in the case's
     * history (without the data). A confidential case needs a supervisor and a reason: /contact reason.
     */
    private Step contact(Address where, Inbound m, CaseCaller who, String t, String reason) {
        return allowed(where, who, Action.SEE_CONTACT, t, Input.text(reason), c -> {
            work.contactShown(t, who.actor(), reason, m.id());
            log.info("Contact data of case {} shown to {}", t, who.actor().id());
            Map<String, Object> p = Map.of("number", t, "contact", dash(c.contactName()), "phone", dash(c.phone()),
                    "company", dash(c.company()));
            return Step.reply(List.of(Outbound.send(Address.of(TelegramStaff.CHANNEL, m.sender().id()),
                    texts.render("staff.contact", card.language(), p))));
        });
    }

    private Step act(Address where, CaseCaller who, Action action, String t, Input in,
            Function<CaseRecord, Outcome> change) {
        return allowed(where, who, action, t, in, c -> outcome(where, change.apply(c)));
    }

    /** Runs {@code then} only when the policy allows it; otherwise says why (or "unknown" for hidden cases). */
    private Step allowed(Address where, CaseCaller who, Action action, String t, Input in,
            Function<CaseRecord, Step> then) {
        CaseRecord c = work.get(t).orElse(null);
        if (c == null) {
            return say(where, "staff.unknown", Map.of());
        }
        Decision d = policy.decide(who, action, c, in);
        if (d.hidden()) {
            return say(where, "staff.unknown", Map.of());
        }
        if (!d.allowed()) {
            return Step.reply(List.of(Outbound.send(where, refusals.of(d))));
        }
        return then.apply(c);
    }

    private Step noted(Address where, Outcome o) {
        return o.done() ? say(where, "staff.noted", Map.of()) : outcome(where, o);
    }

    /** Success is announced from the case event (a note here); otherwise what went wrong. */
    private Step outcome(Address where, Outcome o) {
        if (o.done() || o.problem() == Outcome.Problem.REPEATED) {
            return Step.reply(List.of());
        }
        Decision lostHold = policy.refusalOf(o); // no longer the holder when written: the policy's own words
        if (lostHold != null) {
            return Step.reply(List.of(Outbound.send(where, refusals.of(lostHold))));
        }
        return switch (o.problem()) {
            case UNKNOWN -> say(where, "staff.unknown", Map.of());
            case BAD_INPUT -> usage(where);
            default -> o.claimer() != null && !o.claimer().isEmpty()
                    ? say(where, "staff.claimedBy", Map.of("name", o.claimer()))
                    : say(where, "staff.wrongState", Map.of("state",
                            texts.plain("staff.state." + o.state().id(), card.language())));
        };
    }

    private Step usage(Address where) {
        return say(where, "staff.badInput", Map.of());
    }

    private Step say(Address where, String key, Map<String, ?> params) {
        return Step.reply(List.of(Outbound.send(where, texts.render(key, card.language(), params))));
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
