package com.teahouse.staff.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseState;
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
 * in a case topic, and the relay of the holder's messages to the entrepreneur. Only staff act; anyone else is
 * refused politely and nothing changes. Successful actions are announced by {@link ForumTopics} from the case
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

    StaffForumHandler(TelegramStaff staff, CaseWork work, StaffCommands commands, Texts texts, CaseCard card) {
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
        boolean command = m.isCommand();
        Optional<Actor> actor = staff.actor(m.sender());
        if ((pressed || command) && actor.isEmpty()) {
            return say(where, "staff.refused", Map.of());
        }
        if (pressed) {
            String[] parts = m.data().split(":", 4);
            if (parts.length < 3) {
                return Step.reply(List.of());
            }
            return commands.button(where, m, actor.get(), parts[1], parts[2], parts.length > 3 ? parts[3] : null);
        }
        Optional<String> tracking = work.caseOfTopic(where);
        if (command) {
            if (tracking.isEmpty()) {
                return say(where, "staff.unknown", Map.of());
            }
            String text = m.text().strip();
            int space = text.indexOf(' ');
            String name = (space < 0 ? text : text.substring(0, space)).substring(1);
            int at = name.indexOf('@');
            name = at < 0 ? name : name.substring(0, at);
            String args = space < 0 ? "" : text.substring(space + 1).strip();
            return commands.command(where, m, actor.get(), tracking.get(), name, args);
        }
        if (tracking.isPresent() && actor.isPresent()
                && (m.kind() == Inbound.Kind.TEXT || m.kind() == Inbound.Kind.ATTACHMENT)) {
            return relay(m, actor.get(), tracking.get());
        }
        return Step.reply(List.of());
    }

    /** The holder's words go to the entrepreneur; others' talk in the topic stays among staff. */
    private Step relay(Inbound m, Actor actor, String t) {
        CaseRecord c = work.get(t).orElse(null);
        if (c == null || (c.state() != CaseState.CLAIMED && c.state() != CaseState.REOPENED)
                || !actor.id().equals(c.claimedBy())) {
            return Step.reply(List.of());
        }
        String text = m.text() == null ? "" : m.text();
        Outcome logged = work.said(t, actor, text.isEmpty() ? "[" + m.kind().name().toLowerCase() + "]" : text,
                m.id());
        if (!logged.done()) {
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
