package com.teahouse.knowledge.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A short follow-up that names another subject of its context's topic («那个体户呢？» after the public body's
 * payment term, "and for a government buyer?" after the large company's): the topic's entry for the new subject
 * is what is asked (knowledge/entities.yaml, {@link SubjectTopics}).
 * <ul>
 *   <li>When the follow-up says nothing but the subject (its other words name no entry outside the topic that is
 *       plausible on its own), the sibling entry is answered: the user's words and the data agree on it, and the
 *       explain output's note says which topic and subject decided.</li>
 *   <li>When its other words ask something of their own, plausibly and not the sibling («个体户去哪投诉», «那政府拖欠的
 *       能要利息吗»), the follow-up is read in the context of the sibling instead of the old entry: the subject
 *       is replaced, the question stays.</li>
 * </ul>
 */
final class SubjectSwitch {

    private SubjectSwitch() {
    }

    /** The switched context for a follow-up asking something of its own, or null when there is no switch. */
    record Result(Ranking answered, Entry newContext) {
    }

    /**
     * Whether a ranking plausibly (at least the offer threshold) puts another entry than the sibling (and than the
     * context, when given) first: the other words, or the whole follow-up on its own («个体户怎么注册» after the large
     * company's payment term: registration, not the getihu's arrears), ask something of their own.
     */
    private static boolean asksItsOwn(Ranking r, Entry sibling, Entry context) {
        if (r.entries().isEmpty()) {
            return false;
        }
        Ranking.Ranked top = r.entries().get(0);
        return !top.entry().id().equals(sibling.id()) && (context == null || !top.entry().id().equals(context.id()))
                && top.probability() >= r.offerThreshold();
    }

    static Optional<Result> rank(DigestSearcher searcher, IndexSnapshot snap, String question, Entry context,
                                 int limit, LocalDate today) {
        SubjectTopics subjects = snap.entities().subjects();
        Optional<SubjectTopics.Switch> found = subjects.switchFor(question, context.id());
        Entry sibling = found.map(s -> snap.byId().get(s.entryId())).orElse(null);
        if (sibling == null) {
            return Optional.empty();
        }
        SubjectTopics.Switch sw = found.get();
        Ranking rest = searcher.rank(snap, subjects.words().withoutLeaning(subjects.withoutSubjectWords(question)),
                TopicFusion.DEPTH, today);
        // the other words ask something of their own («那政府拖欠的能要利息吗»: the late interest, even in the same
        // topic): keep the question, replace the subject
        boolean saysMore = !rest.entries().isEmpty() && rest.concepts() > 0;
        if (saysMore && (asksItsOwn(rest, sibling, null)
                || asksItsOwn(searcher.rank(snap, question, TopicFusion.DEPTH, today), sibling, context))) {
            return Optional.of(new Result(null, sibling));
        }
        boolean english = "en".equals(com.teahouse.knowledge.PolicyDigest.detectLanguage(question));
        String topic = FollowUp.topicOf(sibling, english);
        QueryPlan plan = QueryPlan.of(question, topic, snap, TopicFusion.TOPIC_FACTOR);
        Set<String> parties = snap.entities().classOf(sibling.id()) == null ? Set.of()
                : Set.of(snap.entities().classOf(sibling.id()));
        Ranking near = searcher.rank(snap, question, plan, parties, TopicFusion.DEPTH, today, Set.of(context.id()));
        Ranking.Ranked own = near.entries().stream().filter(r -> r.entry().id().equals(sibling.id())).findFirst()
                .orElse(null);
        if (own == null) {
            return Optional.empty();
        }
        String note = "follow-up names " + sw.subject() + ": topic " + sw.topic().name() + "'s entry for it (context "
                + context.id() + ")";
        double below = Math.nextDown(near.answerThreshold());
        List<Ranking.Ranked> out = new ArrayList<>();
        out.add(new Ranking.Ranked(sibling, own.score(), own.features(),
                Math.max(own.probability(), near.answerThreshold()), note));
        for (Ranking.Ranked r : near.entries()) {
            if (out.size() >= Math.max(limit, 3)) {
                break;
            }
            if (!r.entry().id().equals(sibling.id())) {
                out.add(new Ranking.Ranked(r.entry(), r.score(), r.features(), Math.min(below, r.probability()), r.note()));
            }
        }
        return Optional.of(new Result(new Ranking(near.text(), near.early(), parties, List.copyOf(out),
                near.calibration(), near.concepts()), null));
    }

    /**
     * A follow-up that names no subject keeps its context's («怎么查到哪一步了» after a 12345 answer): when its top
     * entry is a topic's entry for another subject and the topic's entry for the context's subject is among the
     * ranked, that one takes the top place, answered when the top was at least plausible (the two differ only in
     * the subject, which the context settles).
     */
    static Ranking holdSubject(Ranking ranked, IndexSnapshot snap, String question, Entry context) {
        SubjectTopics subjects = snap.entities().subjects();
        if (ranked.early() != null || ranked.entries().isEmpty() || !subjects.named(question).isEmpty()) {
            return ranked;
        }
        String subject = subjects.subjectOf(context);
        Ranking.Ranked top = ranked.entries().get(0);
        Optional<SubjectTopics.Topic> topic = subjects.topicOf(top.entry().id());
        String wanted = subject == null || topic.isEmpty() ? null : topic.get().bySubject().get(subject);
        if (wanted == null || wanted.equals(top.entry().id())) {
            return ranked;
        }
        Ranking.Ranked own = ranked.entries().stream().filter(r -> r.entry().id().equals(wanted)).findFirst().orElse(null);
        if (own == null) {
            return ranked;
        }
        double below = Math.nextDown(ranked.answerThreshold());
        double p = top.probability() >= ranked.offerThreshold() ? Math.max(top.probability(), ranked.answerThreshold())
                : top.probability();
        List<Ranking.Ranked> out = new ArrayList<>();
        out.add(new Ranking.Ranked(own.entry(), own.score(), own.features(), p, "the context's subject " + subject
                + " holds: topic " + topic.get().name() + "'s entry for it (context " + context.id() + ")"));
        for (Ranking.Ranked r : ranked.entries()) {
            if (r != own) {
                out.add(new Ranking.Ranked(r.entry(), r.score(), r.features(), Math.min(below, r.probability()), r.note()));
            }
        }
        return new Ranking(ranked.text(), ranked.early(), ranked.parties(), List.copyOf(out), ranked.calibration(),
                ranked.concepts());
    }
}
