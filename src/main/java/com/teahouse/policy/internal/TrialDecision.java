package com.teahouse.policy.internal;

import com.teahouse.knowledge.DigestAnswer;

/** What the bot does with a question, named as the policy office's pages name it. */
enum TrialDecision {
    ANSWER, OFFER, DECLINE, PERSON;

    /** The dialog's reading of a {@link DigestAnswer} (see the ask flow): person first, then answer, offer, decline. */
    static TrialDecision of(DigestAnswer a) {
        if (a.decline() == DigestAnswer.Decline.ASKS_FOR_PERSON) {
            return PERSON;
        }
        if (a.answered()) {
            return ANSWER;
        }
        return a.offered().isEmpty() ? DECLINE : OFFER;
    }

    String json() {
        return name().toLowerCase();
    }
}
