package com.teahouse.knowledge.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A follow-up question («那个体户呢？», «超过期限怎么办», "and for a big company?") read in the context
 * of the entry the user was last answered with:
 * <ol>
 *   <li>the question alone is ranked first; a request for a person, or a question that is confidently
 *       about something on its own and not short, is taken as it is: the context never hijacks it;</li>
 *   <li>a short follow-up (up to {@link #SHORT_CONCEPTS} content words) leans on what was said: its words
 *       are fused with the context's topic ({@link TopicFusion}), and a wrong answer to it being worse than a
 *       question back, it is answered only when one entry leads clearly, else the plausible ones are offered;</li>
 *   <li>a longer question that is not sure on its own is ranked again with the context's topic (title and
 *       tags) appended, weighted like synonyms, so the topic steers without outvoting the question's own
 *       words; the reading with the higher probability for its top entry wins, and an answer of the
 *       question alone is only replaced by an answer.</li>
 * </ol>
 * When the new question names a party (a public body, a large company), the context's party words are
 * left out and the new question's party decides; when it names none, the context's party still holds.
 * A follow-up with no context to lean on («那个体户呢？» as a first question) is offered, not answered.
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
        // «那个体户呢？» after the public body's term: the same topic's entry for the subject named; a follow-up
        // asking something of its own about the new subject is read with that entry as its context
        Optional<SubjectSwitch.Result> switched = SubjectSwitch.rank(searcher, snap, question, context, limit, today);
        if (switched.isPresent() && switched.get().answered() != null) {
            return switched.get().answered();
        }
        if (snap.entities().subjects().words().opensNewTopic(question)) {
            // «对了，研发费用能加计扣除吗», "by the way, …": a new question, whatever was said before (but «对了，个体户呢？»
            // above still only changes the subject)
            return alone;
        }
        Entry read = switched.map(SubjectSwitch.Result::newContext).orElse(context);
        if (alone.concepts() <= SHORT_CONCEPTS) {
            // «超过期限了怎么办», «要多长时间»: nothing of its own, only what next or an aspect of what was said
            Optional<Ranking> elliptic = EllipticFollowUp.rank(searcher, snap, question, read, limit, today);
            if (elliptic.isPresent()) {
                return SubjectSwitch.holdSubject(elliptic.get(), snap, question, read);
            }
            if (switched.isEmpty() && answersNearby(alone, read, snap)) {
                // «还能要求赔偿损失吗» after the late interest: sure on its own, and about the same document or topic
                return alone;
            }
            Topic topic = topic(snap, question, read);
            return SubjectSwitch.holdSubject(TopicFusion.rank(searcher, snap, question, read, limit, today,
                    topic.text(), topic.parties()), snap, question, read);
        }
        return choose(searcher, snap, question, read, alone, limit, today);
    }

    /** Whether the question alone is answered with another entry of its context's document or topic. */
    private static boolean answersNearby(Ranking alone, Entry context, IndexSnapshot snap) {
        if (!alone.answered()) {
            return false;
        }
        Entry top = alone.entries().get(0).entry();
        return !top.id().equals(context.id()) && (EllipticFollowUp.sharesDocument(top, context)
                || snap.entities().subjects().topicOf(context.id()).map(t -> t.has(top.id())).orElse(false));
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

    /** The context's topic: its title and its tags in the question's language (tags name the topic's key words). */
    static String topicOf(Entry context, boolean english) {
        StringBuilder topic = new StringBuilder(context.title(english));
        for (String tag : context.tags()) {
            boolean latin = tag.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
            if (latin == english) {
                topic.append(' ').append(tag);
            }
        }
        return topic.toString();
    }

    /** The context's topic as a follow-up reads it, and the parties it is read for. */
    record Topic(String text, Set<String> parties) {
    }

    /**
     * When the new question names a party, the context's party words are left out and the question's party
     * decides; when it names none, the context's party still holds.
     */
    static Topic topic(IndexSnapshot snap, String question, Entry context) {
        EntityLexicon lexicon = snap.entities();
        Set<String> parties = lexicon.named(question);
        boolean english = "en".equals(com.teahouse.knowledge.PolicyDigest.detectLanguage(question));
        String topic = topicOf(context, english);
        if (!parties.isEmpty()) {
            return new Topic(lexicon.withoutPartyWords(topic), parties);
        }
        String contextParty = lexicon.classOf(context.id());
        return new Topic(topic, contextParty != null ? Set.of(contextParty) : lexicon.named(topic));
    }

    /** A longer question: which reading wins, the question alone or the question with its context's topic. */
    private static Ranking choose(DigestSearcher searcher, IndexSnapshot snap, String question, Entry context,
                                  Ranking alone, int limit, LocalDate today) {
        if (alone.answered()) {
            return alone;
        }
        Topic topic = topic(snap, question, context);
        QueryPlan plan = QueryPlan.of(question, topic.text(), snap);
        Ranking combined = searcher.rank(snap, question, plan, topic.parties(), limit, today);
        if (repeats(combined, context, alone)) {
            return alone;
        }
        return combined.answered() || combined.confidence() > alone.confidence() ? combined : alone;
    }

    /**
     * Whether the context reading only gives the context entry back while the question on its own
     * points elsewhere: the follow-up names another party or aspect, so repeating the last answer would
     * not answer it.
     */
    private static boolean repeats(Ranking combined, Entry context, Ranking alone) {
        return combined.entries().get(0).entry().id().equals(context.id()) && !alone.entries().isEmpty()
                && !alone.entries().get(0).entry().id().equals(context.id());
    }
}
