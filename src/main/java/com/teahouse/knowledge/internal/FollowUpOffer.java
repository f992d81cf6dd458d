package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "Did you mean" for a follow-up whose readings disagree: a wrong answer to a follow-up costs the user
 * more than a question back, so the ranking is turned into an offer. The entries named come first and
 * are offered (each probability is held between the offer and the answer threshold); the rest follow
 * below the answer threshold, so nothing is answered. The explain API shows these held probabilities.
 */
final class FollowUpOffer {

    private FollowUpOffer() {
    }

    static Ranking of(Ranking base, List<Ranking.Ranked> first) {
        Calibration c = base.calibration();
        double below = Math.nextDown(base.answerThreshold());
        List<Ranking.Ranked> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Ranking.Ranked r : first) {
            if (seen.add(r.entry().id())) {
                out.add(held(r, Math.min(below, Math.max(r.probability(), base.offerThreshold()))));
            }
        }
        for (Ranking.Ranked r : base.entries()) {
            if (seen.add(r.entry().id())) {
                out.add(held(r, Math.min(below, r.probability())));
            }
        }
        return new Ranking(base.text(), base.early(), base.parties(), List.copyOf(out), c, base.concepts());
    }

    private static Ranking.Ranked held(Ranking.Ranked r, double probability) {
        return new Ranking.Ranked(r.entry(), r.score(), r.features(), probability, r.note());
    }
}
