package com.teahouse.dialog.internal;

import com.teahouse.messaging.Button;
import java.util.List;
import java.util.function.Supplier;

/**
 * The policy question as the chat shows it: a sure answer with its buttons ("more detail", related entries);
 * when the digest is not sure, "did you mean" with the entries it offers as {@code kb:<id>} buttons; a request
 * for a person as such. The entry answered becomes the conversation's topic, so that the next few questions
 * are asked as its follow-ups.
 */
final class PolicyAnswers {

    /** The events of the {@code policy-answer} action, which the flow file must all route. */
    static final List<String> EVENTS = List.of("answered", "offered", "unanswered", "person");

    private final Supplier<PolicyLookup> policies;
    private final int followUpTurns;

    PolicyAnswers(Supplier<PolicyLookup> policies, int followUpTurns) {
        this.policies = policies;
        this.followUpTurns = followUpTurns;
    }

    /** The {@code policy-answer} action: asks the question kept in the form, says what came back. */
    String answer(Turn t) {
        Conversation c = t.conversation;
        PolicyReply reply = policies.get().ask(c.fields.get("question"), t.language(), c.takeTopic());
        c.remember("KB", reply.topEntry());
        if (reply.asksForPerson()) {
            return "person";
        }
        if (reply.answered()) {
            show(t, reply);
            return "answered";
        }
        if (!reply.offered().isEmpty()) {
            t.say("answers.did_you_mean");
            reply.offered().forEach(r -> t.actionButtons(List.of(Button.action(r.title(), "kb:" + r.id()))));
            return "offered";
        }
        t.say(reply.answer() != null ? reply.answer() : t.texts.render("ask.not_sure", t.language()));
        return "unanswered";
    }

    /** A {@code kb:<id>} button (an entry offered or related): that entry's answer; false when it is gone. */
    boolean pressed(Turn t, String entryId) {
        var reply = policies.get().byId(entryId, t.language());
        if (reply.isEmpty()) {
            t.say("ask.entry_unknown");
            return false;
        }
        show(t, reply.get());
        return true;
    }

    private void show(Turn t, PolicyReply reply) {
        t.say(reply.answer());
        t.conversation.answeredWith(reply.topEntry(), followUpTurns);
        t.actionButtons(List.of(Button.action(t.texts.plain("kb.more", t.language()), "kbd:" + reply.topEntry())));
        reply.related().forEach(r -> t.actionButtons(List.of(Button.action(r.title(), "kb:" + r.id()))));
    }
}
