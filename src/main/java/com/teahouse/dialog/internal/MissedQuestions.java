package com.teahouse.dialog.internal;

import com.teahouse.dialog.UnansweredQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moments the bot failed a policy question, told as {@link UnansweredQuestion} events: a decline, a "did you
 * mean" the user passed over, and "did not help". An offer is held in the conversation until the user either
 * presses one of its entries (not a miss) or moves on without doing so: asks again or asks for a person. A
 * conversation abandoned while an offer is open tells nothing. Publishing never fails the step.
 */
final class MissedQuestions {

    private static final Logger log = LoggerFactory.getLogger(MissedQuestions.class);

    private final Consumer<UnansweredQuestion> publisher;

    MissedQuestions(Consumer<UnansweredQuestion> publisher) {
        this.publisher = publisher;
    }

    void declined(Turn t, String question, PolicyReply reply) {
        List<String> candidates = new ArrayList<>();
        if (reply.topEntry() != null) {
            candidates.add(reply.topEntry());
        }
        publish(t, question, UnansweredQuestion.Reason.DECLINED, candidates);
    }

    /** "Did you mean" shown: a miss only if none of it is pressed. */
    void offered(Turn t, String question, PolicyReply reply) {
        Conversation.PendingOffer p = new Conversation.PendingOffer();
        p.question = question;
        p.candidates = reply.offered().stream().map(PolicyReply.Related::id).toList();
        t.conversation.pendingOffer = p;
    }

    /** An offered (or any) entry pressed: the open offer found its answer. */
    void picked(Turn t) {
        t.conversation.pendingOffer = null;
    }

    /** The user moved on (asked again, or asked for a person) with an offer still open: that offer missed. */
    void movedOn(Turn t) {
        Conversation.PendingOffer p = t.conversation.pendingOffer;
        t.conversation.pendingOffer = null;
        if (p != null && p.question != null) {
            publish(t, p.question, UnansweredQuestion.Reason.OFFER_NOT_PICKED, p.candidates);
        }
    }

    /** "Did not help" about the answer just given: the question kept in the form, and the entry that answered. */
    void notHelped(Turn t) {
        String question = t.conversation.fields.get("question");
        String topic = t.conversation.topic;
        publish(t, question, UnansweredQuestion.Reason.NOT_HELPED, topic == null ? List.of() : List.of(topic));
    }

    private void publish(Turn t, String question, UnansweredQuestion.Reason reason, List<String> candidates) {
        if (question == null || question.isBlank()) {
            return;
        }
        try {
            publisher.accept(new UnansweredQuestion(question.strip(), t.language(), reason, candidates, t.now));
        } catch (RuntimeException e) {
            // only the policy office's list of misses loses a line; the conversation goes on
            log.warn("An unanswered question was not recorded: {}", e.toString());
        }
    }
}
