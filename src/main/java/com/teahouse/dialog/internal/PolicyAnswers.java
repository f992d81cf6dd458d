package com.teahouse.dialog.internal;

import com.teahouse.cases.ConversationLine;
import com.teahouse.messaging.Button;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy question as the chat shows it: a sure answer with its buttons ("more detail", related entries);
 * when the digest is not sure, "did you mean" with the entries it offers as {@code kb:<id>} buttons; a request
 * for a person as such. The entry answered becomes the conversation's topic, so that the next few questions
 * are asked as its follow-ups.
 */
final class PolicyAnswers {

    /** Telegram's limit on a button's callback data, in bytes. */
    static final int MAX_BUTTON_DATA = 64;

    /** Button data: an entry's answer ({@code kb:<id>}), and its longer explanation ({@code kbd:<id>}). */
    static final String ENTRY = "kb:";
    static final String DETAIL = "kbd:";

    private static final Logger log = LoggerFactory.getLogger(PolicyAnswers.class);

    private final Supplier<PolicyLookup> policies;
    private final int followUpTurns;
    private final MissedQuestions missed;

    PolicyAnswers(Supplier<PolicyLookup> policies, int followUpTurns, MissedQuestions missed) {
        this.policies = policies;
        this.followUpTurns = followUpTurns;
        this.missed = missed;
    }

    /** The {@code policy-answer} action: asks the question kept in the form, says what came back. */
    String answer(Turn t) {
        Conversation c = t.conversation;
        missed.movedOn(t);
        String question = c.fields.get("question");
        PolicyReply reply = policies.get().ask(question, t.language(), c.takeTopic());
        // which digest entry answered, for staff: shown on the bot's side
        c.remember(ConversationLine.From.BOT, reply.topEntry() == null ? null : "[" + reply.topEntry() + "]", t.now);
        if (reply.asksForPerson()) {
            return "person";
        }
        if (reply.answered()) {
            show(t, reply);
            return "answered";
        }
        // a follow-up of a question nothing answered is read with it
        c.unansweredAfter(question, followUpTurns);
        if (!reply.offered().isEmpty()) {
            t.say("answers.did_you_mean");
            missed.offered(t, question, reply);
            reply.offered().forEach(r -> entryButton(t, r.title(), ENTRY + r.id()));
            return "offered";
        }
        t.say(reply.answer() != null ? reply.answer() : t.texts.render("ask.not_sure", t.language()));
        missed.declined(t, question, reply);
        return "unanswered";
    }

    /** The {@code policy-not-helped} action: the user said the answer did not help. */
    void notHelped(Turn t) {
        missed.notHelped(t);
    }

    /** The conversation goes to a person: a "did you mean" still open was passed over. */
    void handedOff(Turn t) {
        missed.movedOn(t);
    }

    /** A {@code kb:<id>} button (an entry offered or related): that entry's answer; false when it is gone. */
    boolean pressed(Turn t, String entryId) {
        var reply = policies.get().byId(entryId, t.language());
        if (reply.isEmpty()) {
            t.say("ask.entry_unknown");
            return false;
        }
        missed.picked(t);
        show(t, reply.get());
        return true;
    }

    private void show(Turn t, PolicyReply reply) {
        t.say(reply.answer());
        t.conversation.answeredWith(reply.topEntry(), followUpTurns);
        entryButton(t, t.texts.plain("kb.more", t.language()), DETAIL + reply.topEntry());
        reply.related().forEach(r -> entryButton(t, r.title(), ENTRY + r.id()));
    }

    /** One button per row; left out when its data would not fit (Telegram would refuse the whole message). */
    private static void entryButton(Turn t, String label, String data) {
        if (fits(data)) {
            t.actionButtons(List.of(Button.action(label, data)));
        } else {
            log.warn("Entry button left out: its data is over {} bytes: {}", MAX_BUTTON_DATA, data);
        }
    }

    static boolean fits(String data) {
        return data.getBytes(StandardCharsets.UTF_8).length <= MAX_BUTTON_DATA;
    }
}
