package com.teahouse.knowledge.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the {@link Calibration} on the calibration split of an evaluation set: a logistic model of
 * P(entry right | features) over the top three entries of each question (so that it also rates
 * runners-up, which "did you mean" offers), then the answer threshold that keeps wrong answers at or
 * under {@link #MAX_WRONG} of the split's questions, and the offer threshold that offers something to
 * at most {@link #MAX_OOS_OFFERED} of its out-of-scope questions. The held-out split is never read.
 */
public final class Calibrator {

    /**
     * Target share of wrong answers on the calibration split: half a point under the 3% the product
     * allows, because a threshold fitted exactly at the limit of one half overshoots on the other.
     */
    public static final double MAX_WRONG = 0.025;
    public static final double MAX_OOS_OFFERED = 0.10;

    /** The fit and what it gives on the calibration split. */
    public record Result(Calibration calibration, int questions, int samples, double answeredRight,
                         double answeredWrong, double offeredRight, double oosDeclined, double oosOffered) {
    }

    private Calibrator() {
    }

    public static Result fit(IndexSnapshot snap, List<EvalSet.Question> all, LocalDate today) {
        DigestSearcher searcher = new DigestSearcher();
        List<EvalSet.Question> split = all.stream().filter(q -> q.calibration() && !q.person()).toList();
        List<Ranking> rankings = split.stream().map(q -> searcher.rank(snap, q.q(), 5, today)).toList();
        List<LogisticFit.Sample> samples = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            for (Ranking.Ranked r : top3(rankings.get(i))) {
                samples.add(new LogisticFit.Sample(r.features().vector(), split.get(i).expect().contains(r.entry().id())));
            }
        }
        LogisticFit.Model model = LogisticFit.fit(samples, Features.NAMES.size());
        List<Thresholds.Scored> tops = new ArrayList<>();
        List<Double> oosBest = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            List<Ranking.Ranked> top = top3(rankings.get(i));
            if (!top.isEmpty()) {
                tops.add(new Thresholds.Scored(model.probability(top.get(0).features().vector()),
                        split.get(i).expect().contains(top.get(0).entry().id())));
            }
            if (split.get(i).outOfScope()) {
                oosBest.add(top.stream().mapToDouble(r -> model.probability(r.features().vector())).max().orElse(0));
            }
        }
        double answer = Thresholds.answer(tops, split.size(), MAX_WRONG);
        double offer = Thresholds.offer(oosBest, MAX_OOS_OFFERED, answer);
        Calibration c = new Calibration(model.bias(), model.weights(), answer, offer);
        return summarize(snap, c, split, searcher, today, samples.size());
    }

    private static List<Ranking.Ranked> top3(Ranking r) {
        return r.early() != null ? List.of() : r.entries().subList(0, Math.min(3, r.entries().size()));
    }

    /** Replays the split with the fitted calibration, exactly as the bot would decide. */
    private static Result summarize(IndexSnapshot snap, Calibration c, List<EvalSet.Question> split,
                                    DigestSearcher searcher, LocalDate today, int samples) {
        IndexSnapshot fitted = snap.withRanking(c, snap.entities());
        int inScope = 0;
        int oos = 0;
        int right = 0;
        int wrong = 0;
        int offeredRight = 0;
        int oosDeclined = 0;
        int oosOffered = 0;
        for (EvalSet.Question q : split) {
            Ranking r = searcher.rank(fitted, q.q(), 5, today);
            boolean topRight = !r.entries().isEmpty() && q.expect().contains(r.entries().get(0).entry().id());
            if (q.outOfScope()) {
                oos++;
                oosDeclined += r.answered() ? 0 : 1;
                oosOffered += r.offered().isEmpty() ? 0 : 1;
            } else {
                inScope++;
                right += r.answered() && topRight ? 1 : 0;
                offeredRight += r.offered().stream().anyMatch(o -> q.expect().contains(o.entry().id())) ? 1 : 0;
            }
            wrong += r.answered() && !topRight ? 1 : 0;
        }
        return new Result(c, split.size(), samples, share(right, inScope), share(wrong, split.size()),
                share(offeredRight, inScope), share(oosDeclined, oos), share(oosOffered, oos));
    }

    private static double share(int n, int d) {
        return d == 0 ? Double.NaN : (double) n / d;
    }
}
