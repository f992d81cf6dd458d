package com.teahouse.knowledge.internal;

import java.time.LocalDate;
import java.util.List;

import com.teahouse.knowledge.DigestAnswer;

/**
 * A follow-up to a question the bot could not answer: «a huge retail chain owes us for three months» was declined
 * or only offered, and the user goes on "and if it were the district government instead?". With no entry to lean
 * on, the two turns are read as one question, the follow-up first (a long earlier question is cut, not the new
 * one). When the follow-up names a subject (a public body, an individual business), the earlier question's subject
 * words are left out, so the new subject decides. The reading with the surer top entry wins, and the calibrated
 * answer model decides on it as on any question. A follow-up that opens a new question («对了», "by the way"), or
 * is long and sure on its own, is taken as it is.
 */
final class EarlierQuestion {

    /**
     * How far above the answer threshold the reading of both turns must be for an answer: the model was fitted on
     * single questions, not on two turns glued together, so it is less sure of them than it says (2026-12-03: at
     * the plain threshold, 2 follow-ups of the calibration split were answered wrong this way; 0.05 to 0.15 over it
     * answers neither, and one right answer of all 122 becomes an offer).
     */
    static final double SURER = 0.1;

    private EarlierQuestion() {
    }

    static Ranking rank(DigestSearcher searcher, IndexSnapshot snap, String question, String earlier, int limit,
                        LocalDate today) {
        Ranking alone = FollowUp.rank(searcher, snap, question, null, limit, today);
        if (earlier == null || earlier.isBlank() || question == null || question.isBlank()
                || alone.early() == DigestAnswer.Decline.ASKS_FOR_PERSON) {
            return alone;
        }
        SubjectTopics subjects = snap.entities().subjects();
        if (subjects.words().opensNewTopic(question)
                || alone.concepts() > FollowUp.SHORT_CONCEPTS && alone.answered()) {
            return alone;
        }
        String before = subjects.named(question).isEmpty() ? earlier : subjects.withoutSubjectWords(earlier);
        Ranking both = searcher.rank(snap, question.strip() + " " + before.strip(), limit, today);
        if (both.early() != null || both.entries().isEmpty()) {
            return alone;
        }
        Ranking chosen = both.answered() || both.confidence() > alone.confidence() ? both : alone;
        if (chosen == both && both.answered() && both.entries().get(0).probability() < both.answerThreshold() + SURER) {
            // a wrong answer to a follow-up costs more than a question back
            return FollowUpOffer.of(both, List.of(both.entries().get(0)));
        }
        return chosen;
    }
}
