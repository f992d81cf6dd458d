package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Second pass over BM25's best candidates, in three explainable steps:
 * <ol>
 *   <li>coverage: BM25 sums term scores, so an entry that repeats one common word of the question
 *       (company, 企业) can outscore the entry that speaks to every part of it. Scaling by coverage
 *       (the idf-weighted share of the question's concepts the entry contains) rewards breadth;</li>
 *   <li>other services: titles that name a service by number (12345) rank a little lower unless the
 *       question names it;</li>
 *   <li>the party rule: when the question names exactly one party of knowledge/entities.yaml (a public
 *       body, a large company), entries for another party keep half their score, and that party's entry
 *       takes the place of any other party's entry still ranked above it; when the question is also
 *       about money owed (entities.yaml topic words), that party's entry is brought in and boosted.
 *       Who owes the money decides the answer.</li>
 * </ol>
 */
final class Reranker {

    /** How many of BM25's best candidates are re-scored. */
    static final int DEPTH = 10;
    static final double OTHER_SERVICE_FACTOR = 0.7;
    /** An entry for another party than the one the question names keeps this share of its score. */
    static final double OTHER_PARTY_FACTOR = 0.5;

    private Reranker() {
    }

    static void rerank(QueryPlan plan, IndexSnapshot snap, List<Candidate> candidates, Set<String> parties,
                       java.time.LocalDate today) {
        // see Fields.COVERAGE_WEIGHT: Chinese coverage is looser (substrings), so it is trusted less
        double weight = plan.mostlyZh ? Fields.COVERAGE_WEIGHT : Fields.COVERAGE_WEIGHT_EN;
        double[] weights = Coverage.weights(plan, snap);
        partyCandidate(plan, snap, candidates, parties, today);
        int depth = Math.min(DEPTH, candidates.size());
        List<Entry> top = new ArrayList<>(depth);
        int[] docs = new int[depth];
        for (int i = 0; i < depth; i++) {
            top.add(candidates.get(i).entry);
            docs[i] = candidates.get(i).doc;
        }
        double[] coverage = Coverage.of(plan, weights, top, docs, snap);
        double otherCoverage = 0;
        for (int i = 0; i < depth; i++) {
            if (snap.entities().classOf(top.get(i).id()) == null) {
                otherCoverage = Math.max(otherCoverage, coverage[i]);
            }
        }
        Set<String> servicesNamed = TwoHotlines.servicesNamed(plan, snap, top);
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (i < depth) {
                c.coverage = coverage[i];
                c.fieldShares = FieldMatch.shares(plan, weights, c.entry);
                c.score = c.score * (1 - weight + weight * c.coverage);
                if (TwoHotlines.namesOtherService(c.entry, plan, snap)) {
                    c.score *= OTHER_SERVICE_FACTOR;
                    c.otherService = true;
                    c.note = "titled with another service's number";
                } else if (TwoHotlines.ownHotlineRule(c.entry, servicesNamed)) {
                    c.score *= OTHER_SERVICE_FACTOR;
                    c.otherService = true;
                    c.note = "a rule of this hotline, the question names " + servicesNamed;
                }
                String cls = snap.entities().classOf(c.entry.id());
                if (parties.size() == 1 && cls != null && !parties.contains(cls)) {
                    c.score *= OTHER_PARTY_FACTOR;
                }
                // only when no entry for everyone speaks to more of the question (换届, 公示 … are their own topics)
                if (cls != null && parties.size() == 1 && parties.contains(cls) && snap.entities().aboutTopic(plan.text)
                        && (!plan.mostlyZh || c.coverage > otherCoverage)) {
                    c.score *= snap.entities().topicBoost();
                    c.note = join(c.note, "question names " + cls + " and money owed: score x" + snap.entities().topicBoost());
                }
            } else {
                c.score = c.score * (1 - weight);
            }
        }
        candidates.subList(0, depth).sort((a, b) -> Double.compare(b.score, a.score));
        partyRule(snap.entities(), candidates.subList(0, depth), parties);
    }

    /**
     * The named party's entry must be among the candidates for the rule to place it: when BM25 found
     * another party's entry but not this one (the question's words lean to the other), bring it in
     * just behind the other party's entry.
     */
    private static void partyCandidate(QueryPlan plan, IndexSnapshot snap, List<Candidate> candidates,
                                       Set<String> parties, java.time.LocalDate today) {
        if (parties.size() != 1) {
            return;
        }
        String party = parties.iterator().next();
        EntityLexicon lexicon = snap.entities();
        int other = -1;
        for (int i = 0; i < Math.min(DEPTH, candidates.size()); i++) {
            String cls = lexicon.classOf(candidates.get(i).entry.id());
            if (party.equals(cls)) {
                return;
            }
            if (cls != null && other < 0) {
                other = i;
            }
        }
        boolean topic = lexicon.aboutTopic(plan.text);
        if (other < 0 && !topic) {
            return;
        }
        int at = other >= 0 ? other + 1 : Math.min(DEPTH - 1, candidates.size());
        double bm25 = candidates.get(other >= 0 ? other : 0).bm25;
        for (String id : lexicon.entriesOf(party)) {
            int doc = snap.docOf(id);
            Entry e = snap.byId().get(id);
            if (doc >= 0 && !e.isExpired(today)) {
                Candidate found = candidates.stream().filter(c -> c.entry.id().equals(id)).findFirst().orElse(null);
                candidates.remove(found);
                // beside the other party's entry it competes on that entry's score; otherwise on its own,
                // or, when BM25 did not even retrieve it, on half the winner's
                Candidate c = new Candidate(e, doc, other >= 0 ? bm25 : found != null ? found.bm25 : bm25 * 0.5);
                c.note = "brought in by the party rule";
                c.broughtIn = true;
                candidates.add(Math.min(at, candidates.size()), c);
                return;
            }
        }
    }

    private static void partyRule(EntityLexicon lexicon, List<Candidate> ranked, Set<String> parties) {
        String party = parties.size() == 1 ? parties.iterator().next() : null;
        int firstOther = -1;
        for (int i = 0; i < ranked.size(); i++) {
            Candidate c = ranked.get(i);
            String cls = lexicon.classOf(c.entry.id());
            c.entity = party == null || cls == null ? 0 : party.equals(cls) ? 1 : -1;
            if (c.entity < 0 && firstOther < 0) {
                firstOther = i;
            }
            if (c.entity > 0 && firstOther >= 0) {
                // move the named party's entry up to the other party's place, keeping scores descending
                Candidate own = ranked.remove(i);
                double placeScore = ranked.get(firstOther).score;
                own.score = Math.max(own.score, placeScore * 1.0001);
                own.note = join(own.note, "question names " + party + ": ranked above " + ranked.get(firstOther).entry.id());
                ranked.add(firstOther, own);
                for (int k = firstOther - 1; k >= 0 && ranked.get(k).score < own.score; k--) {
                    ranked.get(k).score = own.score * 1.0001;
                }
                firstOther++;
            }
        }
        for (Candidate c : ranked) {
            if (c.entity < 0) {
                c.note = join(c.note, "question names " + party + ", entry is for " + lexicon.classOf(c.entry.id()));
            }
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
