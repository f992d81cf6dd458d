package com.teahouse.knowledge;

import com.teahouse.knowledge.internal.EvalSet;

/** What the user got for one evaluation question, as one of the classes the evaluation reports. */
record EvalOutcome(EvalSet.Question question, DigestAnswer answer, Kind kind) {

    enum Kind {
        /** Answered, and the top entry is one of the expected. */
        ANSWERED_RIGHT,
        /** Answered with an entry not expected (or an out-of-scope question answered at all). */
        ANSWERED_WRONG,
        /** Not answered, but the right entry is among the "did you mean" offers. */
        OFFERED_RIGHT,
        /** Not answered, not offered, but the right entry is in the top 3 results. */
        DECLINED_IN_TOP3,
        /** Not answered, and the right entry is not in the top 3. */
        DECLINED_NOT_IN_TOP3,
        /** Out of scope, and declined. */
        OOS_DECLINED,
        /** Asked for a person, and handed off (ASKS_FOR_PERSON). */
        PERSON_HANDED_OFF,
        /** Asked for a person, and not handed off. */
        PERSON_MISSED
    }

    static EvalOutcome of(EvalSet.Question q, DigestAnswer a) {
        return new EvalOutcome(q, a, classify(q.person(), q.expect(), a));
    }

    static Kind classify(boolean person, java.util.List<String> expect, DigestAnswer a) {
        if (person) {
            return a.decline() == DigestAnswer.Decline.ASKS_FOR_PERSON ? Kind.PERSON_HANDED_OFF : Kind.PERSON_MISSED;
        }
        if (expect.isEmpty()) {
            return a.answered() ? Kind.ANSWERED_WRONG : Kind.OOS_DECLINED;
        }
        if (a.answered()) {
            return expect.contains(a.results().get(0).id()) ? Kind.ANSWERED_RIGHT : Kind.ANSWERED_WRONG;
        }
        if (a.offered().stream().anyMatch(h -> expect.contains(h.id()))) {
            return Kind.OFFERED_RIGHT;
        }
        return inTop3(expect, a) ? Kind.DECLINED_IN_TOP3 : Kind.DECLINED_NOT_IN_TOP3;
    }

    static boolean inTop3(java.util.List<String> expect, DigestAnswer a) {
        return a.results().stream().limit(3).anyMatch(h -> expect.contains(h.id()));
    }

    boolean inScope() {
        return !question.person() && !question.expect().isEmpty();
    }

    boolean outOfScope() {
        return question.outOfScope();
    }

    boolean top3() {
        return inTop3(question.expect(), answer);
    }

    /** The right entry ranked first, whether or not the bot was sure enough to answer with it. */
    boolean top1() {
        return !answer.results().isEmpty() && question.expect().contains(answer.results().get(0).id());
    }
}
