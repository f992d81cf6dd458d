package com.teahouse.knowledge.internal;

import java.time.LocalDate;
import java.util.Set;

/**
 * A follow-up question («那个体户呢？», «超过期限怎么办», "and for a big company?") read in the context
 * of the entry the user was last answered with:
 * <ol>
 *   <li>the question alone is ranked first; a request for a person, or a question that is confidently
 *       about something on its own and not short, is taken as it is: the context never hijacks it;</li>
 *   <li>otherwise the question is ranked again with the context entry's title appended (its topic),
 *       weighted like synonyms, so the topic steers without outvoting the question's own words. When
 *       the new question names a party (a public body, a large company), the context's party words
 *       are left out and the new question's party decides; when it names none, the context's party
 *       still holds;</li>
 *   <li>the reading with the higher probability for its top entry wins; an answer of the question
 *       alone is only replaced by an answer, never by an offer.</li>
 * </ol>
 */
final class FollowUp {

    /** Up to this many content words a question counts as short, i.e. leaning on what was said before. */
    static final int SHORT_CONCEPTS = 4;
    /** A question of this many content words at most is read with its context whenever the two readings differ. */
    static final int SINGLE_WORD = 1;

    private FollowUp() {
    }

    static Ranking rank(DigestSearcher searcher, IndexSnapshot snap, String question, String contextEntryId,
                        int limit, LocalDate today) {
        Ranking alone = searcher.rank(snap, question, limit, today);
        Entry context = contextEntryId == null ? null : snap.byId().get(contextEntryId);
        if (context == null || question == null || question.isBlank()
                || alone.early() == com.teahouse.knowledge.DigestAnswer.Decline.ASKS_FOR_PERSON) {
            return alone;
        }
        boolean isShort = alone.concepts() <= SHORT_CONCEPTS;
        if (alone.answered() && !isShort) {
            return alone;
        }
        EntityLexicon lexicon = snap.entities();
        Set<String> ownParties = lexicon.named(question);
        boolean english = "en".equals(com.teahouse.knowledge.PolicyDigest.detectLanguage(question));
        String topic = context.title(english);
        Set<String> parties = ownParties;
        if (!ownParties.isEmpty()) {
            topic = lexicon.withoutPartyWords(topic);
        } else {
            String contextParty = lexicon.classOf(context.id());
            parties = contextParty != null ? Set.of(contextParty) : lexicon.named(topic);
        }
        QueryPlan plan = QueryPlan.of(question, topic, snap);
        Ranking combined = searcher.rank(snap, question, plan, parties, limit, today);
        if (repeats(combined, context, alone)) {
            return alone;
        }
        if (isShort && combined.answered()) {
            // a short follow-up leans on what was said: its context reading wins when it is sure
            return combined;
        }
        if (alone.concepts() <= SINGLE_WORD && !top(combined).equals(top(alone))) {
            // one content word («个体户也有吗») says little on its own: rather offer what it means in
            // the context than answer what the word alone is about
            return combined;
        }
        if (alone.answered()) {
            return combined.answered() && combined.confidence() > alone.confidence() ? combined : alone;
        }
        if (combined.answered() || combined.confidence() > alone.confidence()) {
            return combined;
        }
        return alone;
    }

    /**
     * Whether the context reading only gives the context entry back while the question on its own
     * points elsewhere: the follow-up names another party or aspect («个体户呢？»), so repeating the
     * last answer would not answer it.
     */
    private static String top(Ranking r) {
        return r.entries().isEmpty() ? "" : r.entries().get(0).entry().id();
    }

    private static boolean repeats(Ranking combined, Entry context, Ranking alone) {
        return combined.entries().get(0).entry().id().equals(context.id()) && !alone.entries().isEmpty()
                && !alone.entries().get(0).entry().id().equals(context.id());
    }
}
