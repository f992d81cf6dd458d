package com.teahouse.knowledge.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.teahouse.knowledge.DigestAnswer.Decline;

/**
 * A short follow-up that names nothing of its own and only asks something of what was said
 * (knowledge/entities.yaml, {@code follow-up}):
 * <ul>
 *   <li>what to do next («超过期限了怎么办», "what if they still refuse?"): the context's topic lists its next steps
 *       ({@code topics.<name>.next}); the one of the context's document that the follow-up's words rank highest is
 *       answered;</li>
 *   <li>an aspect of it («要多长时间», "how much does it cost?"): the follow-up is read with the context's topic at
 *       full weight and the context kept in play, since the answer may be in what was said; an entry of the
 *       context's document found first is answered, anything else is only offered.</li>
 * </ul>
 * "Names nothing of its own": without its what-next and aspect words, the follow-up has no content word, or its
 * words lead to the context's topic or document. Otherwise it is no ellipsis and is read as {@link TopicFusion}
 * reads it.
 */
final class EllipticFollowUp {

    /** The context's topic weighs as much as the question's own words: an aspect question has no topic of its own. */
    static final float ASPECT_FACTOR = 1.0f;

    private EllipticFollowUp() {
    }

    static Optional<Ranking> rank(DigestSearcher searcher, IndexSnapshot snap, String question, Entry context,
                                  int limit, LocalDate today) {
        SubjectTopics data = snap.entities().subjects();
        if (!data.words().asksNext(question) && !data.words().asksAspect(question)) {
            return Optional.empty();
        }
        String rest = data.words().withoutAll(question);
        Optional<SubjectTopics.Topic> topic = data.topicOf(context.id());
        Ranking own = searcher.rank(snap, rest, TopicFusion.DEPTH, today);
        // the entry the follow-up's own words lead to, when they lead somewhere in the context's neighbourhood
        Entry led = null;
        if (own.concepts() > 0 && !own.entries().isEmpty()) {
            Entry top = own.entries().get(0).entry();
            boolean near = top.id().equals(context.id()) || sharesDocument(top, context)
                    || topic.map(t -> t.has(top.id())).orElse(false);
            if (!near) {
                return Optional.empty();
            }
            led = top;
        }
        boolean english = "en".equals(com.teahouse.knowledge.PolicyDigest.detectLanguage(question));
        String words = FollowUp.topicOf(context, english);
        Set<String> parties = FollowUp.topic(snap, question, context).parties();
        if (data.words().asksNext(question)) {
            List<String> next = topic.map(SubjectTopics.Topic::next).orElse(List.of());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            List<String> ofDocument = next.stream().filter(id -> snap.byId().containsKey(id)
                    && sharesDocument(snap.byId().get(id), context) && !id.equals(context.id())).toList();
            List<String> candidates = ofDocument.isEmpty() ? next : ofDocument;
            Ranking read = searcher.rank(snap, question, QueryPlan.of(question, words, snap, TopicFusion.TOPIC_FACTOR),
                    parties, TopicFusion.DEPTH, today, Set.of(context.id()));
            Ranking.Ranked first = read.entries().stream().filter(r -> candidates.contains(r.entry().id())).findFirst()
                    .orElse(null);
            return first == null ? Optional.empty() : Optional.of(ranking(read, first, true, limit,
                    "follow-up asks what next: topic " + topic.get().name() + "'s next step (context " + context.id() + ")"));
        }
        if (led != null && !led.id().equals(context.id())) {
            // «投诉以后多久有结果»: its own words name the neighbour that is asked about; answered when the reading
            // with the context's topic agrees
            Ranking read = searcher.rank(snap, question, QueryPlan.of(question, words, snap, TopicFusion.TOPIC_FACTOR),
                    parties, TopicFusion.DEPTH, today, Set.of(context.id()));
            if (read.entries().isEmpty()) {
                return Optional.empty();
            }
            Ranking.Ranked first = read.entries().get(0);
            return Optional.of(ranking(read, first, first.entry().id().equals(led.id()), limit,
                    "follow-up asks an aspect of " + context.id() + " its own words lead to"));
        }
        Ranking read = searcher.rank(snap, question, QueryPlan.of(question, words, snap, ASPECT_FACTOR), parties,
                TopicFusion.DEPTH, today);
        if (read.entries().isEmpty()) {
            return Optional.empty();
        }
        // the answer may be in what was said: the context found first is answered; a neighbour of its document
        // found first is offered with the context, anything else is only offered
        Ranking.Ranked first = read.entries().get(0);
        if (first.entry().id().equals(context.id())) {
            return Optional.of(ranking(read, first, true, limit,
                    "follow-up asks an aspect of " + context.id() + ", which says it"));
        }
        Ranking ranked = ranking(read, first, false, limit, "follow-up asks an aspect of " + context.id());
        Ranking.Ranked said = read.entries().stream().filter(r -> r.entry().id().equals(context.id())).findFirst()
                .orElse(null);
        return Optional.of(said != null && sharesDocument(first.entry(), context)
                ? FollowUpOffer.of(ranked, List.of(ranked.entries().get(0), said)) : ranked);
    }

    /** {@code first} on top (answered, or held at an offer), the rest of {@code read} below the answer threshold. */
    private static Ranking ranking(Ranking read, Ranking.Ranked first, boolean answer, int limit, String note) {
        double below = Math.nextDown(read.answerThreshold());
        double p = answer ? Math.max(first.probability(), read.answerThreshold())
                : Math.min(below, Math.max(first.probability(), read.offerThreshold()));
        List<Ranking.Ranked> out = new ArrayList<>();
        out.add(new Ranking.Ranked(first.entry(), first.score(), first.features(), p, note));
        for (Ranking.Ranked r : read.entries()) {
            if (out.size() >= Math.max(limit, 3)) {
                break;
            }
            if (r != first) {
                out.add(new Ranking.Ranked(r.entry(), r.score(), r.features(), Math.min(below, r.probability()), r.note()));
            }
        }
        // a follow-up of follow-up words only («能这样吗») has no concept of its own: the context supplies them
        Decline early = read.early() == Decline.EMPTY ? null : read.early();
        Ranking ranked = new Ranking(read.text(), early, read.parties(), List.copyOf(out), read.calibration(),
                read.concepts());
        return answer ? ranked : FollowUpOffer.of(ranked, out.stream().limit(3)
                .filter(r -> r.probability() >= read.offerThreshold()).toList());
    }

    static boolean sharesDocument(Entry a, Entry b) {
        return a.sources().stream().anyMatch(s -> b.sources().stream().anyMatch(t -> t.document().equals(s.document())));
    }
}
