package com.teahouse.knowledge.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
 *       alone is only replaced by an answer, never by an offer;</li>
 *   <li>a short follow-up is answered only when nothing says otherwise: when the other reading is
 *       plausibly about another entry, or an entry of the context's own document is plausible while the
 *       answer is not of that document, both are offered ({@link FollowUpOffer}) instead; a wrong answer
 *       to a follow-up is worse than a question back. A follow-up with no context to lean on
 *       («那个体户呢？» as a first question) is offered, not answered.</li>
 * </ol>
 */
final class FollowUp {

    /** Up to this many content words a question counts as short, i.e. leaning on what was said before. */
    static final int SHORT_CONCEPTS = 4;
    /** Up to this many content words, a question that leans on what was said (那…呢) needs a context to be answered. */
    static final int LEANING_CONCEPTS = 3;
    /** A question of this many content words at most is read with its context whenever the two readings differ. */
    static final int SINGLE_WORD = 1;

    /** Words that lean on what was said before: 那…, 要是…, …呢？, "and …", "what about …". */
    private static final Pattern LEANS = Pattern.compile(
            "^(那|那么|那要是|要是|如果|假如)|呢[？?！!。.~ ]*$|^(and|but|or|so|what if|how about|what about)\\b",
            Pattern.CASE_INSENSITIVE);

    private FollowUp() {
    }

    static Ranking rank(DigestSearcher searcher, IndexSnapshot snap, String question, String contextEntryId,
                        int limit, LocalDate today) {
        Ranking alone = searcher.rank(snap, question, limit, today);
        Entry context = contextEntryId == null ? null : snap.byId().get(contextEntryId);
        if (question == null || question.isBlank()
                || alone.early() == com.teahouse.knowledge.DigestAnswer.Decline.ASKS_FOR_PERSON) {
            return alone;
        }
        if (context == null) {
            boolean leans = alone.concepts() <= LEANING_CONCEPTS && LEANS.matcher(question.strip()).find();
            if (leans && alone.answered()) {
                return FollowUpOffer.of(alone, List.of(alone.entries().get(0)));
            }
            return alone.concepts() <= SINGLE_WORD ? unlessTied(alone) : alone;
        }
        Ranking[] contextReading = new Ranking[1];
        Ranking chosen = choose(searcher, snap, question, context, alone, limit, today, contextReading);
        if (alone.concepts() > SHORT_CONCEPTS || !chosen.answered()) {
            return chosen;
        }
        Ranking.Ranked top = chosen.entries().get(0);
        if (alone.concepts() <= SINGLE_WORD && !sharesDocument(top.entry(), context)) {
            // «个体户呢？»: one word (a party, a variant) asks for the context's topic in that case; an answer
            // outside the context's documents is that word's general entry, not what was asked
            return FollowUpOffer.of(chosen, List.of(top));
        }
        for (Ranking.Ranked r : chosen.entries().subList(1, Math.min(3, chosen.entries().size()))) {
            if (r.probability() >= chosen.answerThreshold()) {
                // two entries would each be answered: the follow-up is ambiguous, ask which
                return FollowUpOffer.of(chosen, List.of(top, r));
            }
        }
        return checked(chosen, alone, contextReading[0], context, snap);
    }

    /**
     * One content word with no context («去哪投诉») and a runner-up that is plausible too: the word
     * names a kind of thing the digest has several entries for, so ask which rather than pick one.
     */
    private static Ranking unlessTied(Ranking alone) {
        if (!alone.answered() || alone.entries().size() < 2
                || alone.entries().get(1).probability() < alone.offerThreshold()) {
            return alone;
        }
        return FollowUpOffer.of(alone, List.of(alone.entries().get(0), alone.entries().get(1)));
    }

    /**
     * A short follow-up's answer, kept only when neither the other reading nor the context's document
     * points elsewhere (see the class comment); otherwise both are offered.
     */
    private static Ranking checked(Ranking chosen, Ranking alone, Ranking combined, Entry context,
                                   IndexSnapshot snap) {
        if (chosen == alone && alone.answered() && combined != null && !combined.entries().isEmpty()) {
            // the question alone won, but read with its context it is plausibly about another entry
            Ranking.Ranked own = alone.entries().get(0);
            Ranking.Ranked other = combined.entries().get(0);
            if (!other.entry().id().equals(own.entry().id()) && !other.entry().id().equals(context.id())
                    && other.probability() >= alone.offerThreshold()) {
                return FollowUpOffer.of(alone, List.of(own, other));
            }
        }
        if (!chosen.answered() || chosen == alone) {
            return chosen == alone && alone.answered() ? sameDocument(chosen, context, snap) : chosen;
        }
        Ranking.Ranked top = chosen.entries().get(0);
        double offer = chosen.offerThreshold();
        if (!alone.entries().isEmpty()) {
            Ranking.Ranked other = alone.entries().get(0);
            if (!other.entry().id().equals(top.entry().id()) && !other.entry().id().equals(context.id())
                    && other.probability() >= offer) {
                return FollowUpOffer.of(chosen, List.of(top, other));
            }
        }
        return sameDocument(chosen, context, snap);
    }

    /** An answer outside the context's documents while an entry of them is plausible too: offer both. */
    private static Ranking sameDocument(Ranking chosen, Entry context, IndexSnapshot snap) {
        Ranking.Ranked top = chosen.entries().get(0);
        if (sharesDocument(top.entry(), context)) {
            return chosen;
        }
        double offer = chosen.offerThreshold();
        for (Ranking.Ranked r : chosen.entries().subList(1, Math.min(3, chosen.entries().size()))) {
            if (!r.entry().id().equals(context.id()) && sharesDocument(r.entry(), context) && r.probability() >= offer) {
                return FollowUpOffer.of(chosen, List.of(top, r));
            }
        }
        return chosen;
    }

    private static boolean sharesDocument(Entry a, Entry b) {
        return a.sources().stream().anyMatch(s -> b.sources().stream().anyMatch(t -> t.document().equals(s.document())));
    }

    /** Which reading wins; the context reading, when one was made, is left in {@code contextReading[0]}. */
    private static Ranking choose(DigestSearcher searcher, IndexSnapshot snap, String question, Entry context,
                                  Ranking alone, int limit, LocalDate today, Ranking[] contextReading) {
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
        contextReading[0] = combined;
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
