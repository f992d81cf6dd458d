package com.teahouse.policy.internal;

import com.teahouse.knowledge.DigestAnswer;
import com.teahouse.knowledge.DigestHit;
import com.teahouse.knowledge.DigestView;
import com.teahouse.knowledge.EvaluationSet;

/**
 * What the bot does with one question of the evaluation set, judged against what the set expects. {@code entry}
 * is the entry answered (or the first offered) when there is one.
 */
record EvalOutcome(Kind kind, String entry) {

    enum Kind {
        /** Answered with an expected entry. */
        RIGHT,
        /** Answered with another entry, or answered a question the digest does not cover. */
        WRONG,
        /** "Did you mean" holding an expected entry. */
        OFFERED_RIGHT,
        /** "Did you mean" without one. */
        OFFERED_WRONG,
        /** Declined a question the digest should answer. */
        DECLINED,
        /** Declined an out-of-scope question, or handed a request for a person to a person. */
        DECLINED_RIGHT,
        /** A request for a person that was not taken as one. */
        PERSON_MISSED
    }

    static EvalOutcome of(DigestView view, EvaluationSet.Question q) {
        DigestAnswer a = view.ask(q.q(), q.lang(), TryApi.DIALOG_LIMIT);
        boolean person = a.decline() == DigestAnswer.Decline.ASKS_FOR_PERSON;
        if (q.person()) {
            return new EvalOutcome(person ? Kind.DECLINED_RIGHT : Kind.PERSON_MISSED, null);
        }
        if (a.answered()) {
            String id = a.answer().map(DigestHit::id).orElse(null);
            return new EvalOutcome(q.expect().contains(id) ? Kind.RIGHT : Kind.WRONG, id);
        }
        if (!a.offered().isEmpty()) {
            boolean right = a.offered().stream().anyMatch(h -> q.expect().contains(h.id()));
            return new EvalOutcome(right ? Kind.OFFERED_RIGHT : Kind.OFFERED_WRONG, a.offered().get(0).id());
        }
        return new EvalOutcome(q.outOfScope() ? Kind.DECLINED_RIGHT : Kind.DECLINED, null);
    }
}
