package com.teahouse.staff.internal;

import com.teahouse.cases.Actor;
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
import org.springframework.stereotype.Component;

/** The staff actions, from a card button or a command typed in the case's topic; the caller checked it is staff. */
@Component
class StaffCommands {

    private final CaseWork work;
    private final TelegramStaff staff;
    private final Texts texts;
    private final CaseCard card;

    StaffCommands(CaseWork work, TelegramStaff staff, Texts texts, CaseCard card) {
        this.work = work;
        this.staff = staff;
        this.texts = texts;
        this.card = card;
    }

    Step button(Address where, Inbound m, Actor actor, String action, String t, String arg) {
        return switch (action) {
            case "claim" -> outcome(where, work.claim(t, actor, m.id()));
            case "resolve", "return", "note" -> say(where, "staff.prompt." + action, Map.of());
            case "transfer" -> transferChoices(where, t);
            case "to" -> outcome(where, work.transfer(t, actor, arg, m.id()));
            case "contact" -> contact(where, m, t);
            default -> Step.reply(List.of());
        };
    }

    Step command(Address where, Inbound m, Actor actor, String t, String name, String args) {
        String op = m.id();
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "claim" -> outcome(where, work.claim(t, actor, op));
            case "resolve" -> args.isEmpty() ? usage(where) : outcome(where, work.resolve(t, actor, args, op));
            case "transfer" -> args.isEmpty() ? transferChoices(where, t)
                    : outcome(where, work.transfer(t, actor, args, op));
            case "return" -> args.isEmpty() ? usage(where) : outcome(where, work.giveBack(t, actor, args, op));
            case "note" -> args.isEmpty() ? usage(where) : noted(where, work.note(t, actor, args, op));
            case "decline" -> decline(where, actor, t, args, op);
            case "extend" -> extend(where, actor, t, args, op);
            default -> usage(where);
        };
    }

    private Step decline(Address where, Actor actor, String t, String args, String op) {
        String[] parts = args.split("\\s+", 2);
        try {
            DeclineRoute route = DeclineRoute.valueOf(parts[0].toUpperCase(Locale.ROOT));
            return parts.length < 2 ? usage(where) : outcome(where, work.decline(t, actor, route, parts[1], op));
        } catch (IllegalArgumentException e) {
            return usage(where);
        }
    }

    private Step extend(Address where, Actor actor, String t, String args, String op) {
        String[] parts = args.split("\\s+", 2);
        try {
            int days = Integer.parseInt(parts[0]);
            return parts.length < 2 ? usage(where) : outcome(where, work.extend(t, actor, days, parts[1], op));
        } catch (NumberFormatException e) {
            return usage(where);
        }
    }

    private Step transferChoices(Address where, String t) {
        List<List<Button>> rows = new ArrayList<>();
        for (String unit : work.units()) {
            rows.add(List.of(Button.action(work.unitName(unit, card.language()), "case:to:" + t + ":" + unit)));
        }
        return Step.reply(List.of(Outbound.send(where, texts.render("staff.prompt.transfer", card.language()),
                rows)));
    }

    /** A confidential contact goes to the supervisor's private chat, never into the unit's topic. */
    private Step contact(Address where, Inbound m, String t) {
        if (!staff.supervisor(m.sender())) {
            return say(where, "staff.refused.supervisor", Map.of());
        }
        CaseRecord c = work.get(t).orElse(null);
        if (c == null) {
            return say(where, "staff.unknown", Map.of());
        }
        Map<String, Object> p = Map.of("number", t, "contact", dash(c.contactName()), "phone", dash(c.phone()),
                "company", dash(c.company()));
        return Step.reply(List.of(Outbound.send(Address.of(TelegramStaff.CHANNEL, m.sender().id()),
                texts.render("staff.contact", card.language(), p))));
    }

    private Step noted(Address where, Outcome o) {
        return o.done() ? say(where, "staff.noted", Map.of()) : outcome(where, o);
    }

    /** Success is announced from the case event; here only what went wrong. */
    private Step outcome(Address where, Outcome o) {
        if (o.done() || o.problem() == Outcome.Problem.REPEATED) {
            return Step.reply(List.of());
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
