package com.teahouse.staff.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CasePolicy.Action;
import com.teahouse.cases.CasePolicy.Decision;
import com.teahouse.cases.CasePolicy.Input;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.CaseWork.Outcome;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Attachment;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.MessageHandler;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.RichText;
import com.teahouse.messaging.Step;
import com.teahouse.texts.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Everything that happens in the staff forum: card buttons ({@code case:<action>:<tracking>}), commands typed
 * in a case topic, and the relay of the holder's messages to the entrepreneur. Who may do what is
 * {@link CasePolicy}'s decision (asked in {@link StaffCommands}); a refusal is said politely and nothing changes. Successful actions are announced by {@link ForumTopics} from the case
 * events, so the console's actions show up here the same way. The message's id is the op id of each change,
 * so a replayed message changes nothing twice.
 */
@Component
@Order(0)
class StaffForumHandler implements MessageHandler {

    private final TelegramStaff staff;
    private final CaseWork work;
    private final StaffCommands commands;
    private final Texts texts;
    private final CaseCard card;
    private final CasePolicy policy;
    private final Refusals refusals;

    StaffForumHandler(TelegramStaff staff, CaseWork work, StaffCommands commands, Texts texts, CaseCard card,
            CasePolicy policy, Refusals refusals) {
        this.policy = policy;
        this.refusals = refusals;
        this.staff = staff;
        this.work = work;
        this.commands = commands;
        this.texts = texts;
        this.card = card;
    }

    @Override
    public boolean accepts(Address from) {
        return staff.isStaffChat(from);
    }

    @Override
    public Step handle(Inbound m, String state) {
        Address where = m.from();
        boolean pressed = m.kind() == Inbound.Kind.BUTTON && m.data() != null && m.data().startsWith("case:");
        CaseCaller who = staff.caller(m.sender());
        Optional<String> tracking = work.caseOfTopic(where);
        if (pressed) {
            String[] parts = m.data().split(":", 4);
            if (parts.length < 3) {
                return Step.reply(List.of());
            }
            // a button acts only on the case of the topic it was pressed in (a forged press names another case)
            if (tracking.isEmpty() || !tracking.get().equals(parts[2])) {
                return say(where, "access.refused.elsewhere", Map.of());
            }
            return commands.button(where, m, who, parts[1], parts[2], parts.length > 3 ? parts[3] : null);
        }
        if (m.isCommand()) {
            if (tracking.isEmpty()) {
                return say(where, who.handlesCases() ? "staff.unknown" : "access.refused.staff", Map.of());
            }
            String text = m.text().strip();
            int space = text.indexOf(' ');
            String name = (space < 0 ? text : text.substring(0, space)).substring(1);
            int at = name.indexOf('@');
            name = at < 0 ? name : name.substring(0, at);
            String args = space < 0 ? "" : text.substring(space + 1).strip();
            return commands.command(where, m, who, tracking.get(), name, args);
        }
        if (tracking.isPresent() && who.handlesCases()
                && (m.kind() == Inbound.Kind.TEXT || m.kind() == Inbound.Kind.ATTACHMENT)) {
            return relay(m, who, tracking.get());
        }
        return Step.reply(List.of());
    }

    /**
     * The holder's words go to the entrepreneur (RELAY); others' talk in the topic stays among staff, so a
     * supervisor's discussion is never relayed by accident (they use the console's message box).
     */
    private Step relay(Inbound m, CaseCaller who, String t) {
        CaseRecord c = work.get(t).orElse(null);
        Actor actor = who.actor();
        if (c == null || !actor.id().equals(c.claimedBy())) {
            return Step.reply(List.of());
        }
        String text = m.text() == null ? "" : m.text();
        String logged = text.isEmpty() ? "[" + m.kind().name().toLowerCase() + "]" : text;
        Decision d = policy.decide(who, Action.RELAY, c, Input.text(logged));
        if (!d.allowed()) {
            return d.hidden() ? Step.reply(List.of()) : Step.reply(List.of(Outbound.send(m.from(), refusals.of(d))));
        }
        Outcome said = work.said(t, actor, logged, m.id());
        if (!said.done()) {
            return Step.reply(List.of());
        }
        String lang = texts.languageFor(c.language());
        RichText words = texts.render("case.staff.says", lang, Map.of("name", actor.name(), "text", text));
        List<Outbound> out = new ArrayList<>();
        if (m.attachments().isEmpty()) {
            out.add(Outbound.send(c.owner(), words));
        }
        for (Attachment a : m.attachments()) {
            out.add(c.owner().channel().equals(m.from().channel()) ? Outbound.file(c.owner(), a, words)
                    : Outbound.send(c.owner(), RichText.builder().append(words).text(" [" + a.kind() + "]").build()));
        }
        return Step.reply(out);
    }

    private Step say(Address where, String key, Map<String, ?> params) {
        return Step.reply(List.of(Outbound.send(where, texts.render(key, card.language(), params))));
    }

    @Override
    public Step failed(Inbound message, String state, RuntimeException error) {
        return Step.reply(List.of(Outbound.send(message.from(), texts.render("error", card.language()))));
    }
}
