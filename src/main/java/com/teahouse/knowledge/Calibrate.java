package com.teahouse.knowledge;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.teahouse.knowledge.internal.Calibration;
import com.teahouse.knowledge.internal.Calibrator;
import com.teahouse.knowledge.internal.DigestLoader;
import com.teahouse.knowledge.internal.EvalSet;
import com.teahouse.knowledge.internal.Features;
import com.teahouse.knowledge.internal.IndexBuilder;
import com.teahouse.knowledge.internal.IndexSnapshot;
import com.teahouse.knowledge.internal.LearnedRanker;
import com.teahouse.knowledge.internal.RankerFit;

/**
 * {@code kb check --calibrate <eval-dir> [knowledge-dir]}: refits the answer model on the calibration
 * split of the evaluation set: first the learned ranker (knowledge/ranking.yaml, kept only when it beats the hand
 * ranking, see {@link #MIN_GAIN}), then the answer model on the ranking that serves; prints the weights,
 * thresholds and what they give on that split, and writes knowledge/calibration.yaml. Run it after changing entries, synonyms or the evaluation set.
 */
final class Calibrate {

    /**
     * The learned ranker serves only when, on the calibration split, it puts the right entry first for at least
     * this share more of the answerable questions than the hand ranking does: a model that only reshuffles
     * near-ties moves answers at random between the halves (2026-12-03: +0.4 point on the calibration split,
     * none held-out, and two follow-ups lost), and the hand ranking is the one a person can follow rule by rule.
     */
    static final double MIN_GAIN = 0.01;

    private Calibrate() {
    }

    static int run(Path knowledgeDir, Path evalDir, PrintStream out, LocalDate today) {
        if (!Files.isDirectory(evalDir)) {
            out.println("kb check --calibrate: evaluation directory " + evalDir + " does not exist");
            return 2;
        }
        DigestLoader.Loaded loaded = DigestLoader.load(knowledgeDir, today);
        if (loaded.report().hasErrors()) {
            out.println("kb check --calibrate: the digest has errors; run kb check " + knowledgeDir + " first");
            return 1;
        }
        IndexSnapshot built = IndexBuilder.build(loaded.entries(), loaded.synonyms(), 1);
        List<EvalSet.Question> questions = EvalSet.questions(evalDir);
        // first the ranker, on the hand ranking's candidates; then the answer model, on the ranker's output
        RankerFit.Result ranking = RankerFit.fit(built.withRanking(Calibration.DEFAULT, loaded.entities()), questions,
                today);
        LearnedRanker ranker = ranking.ranker();
        out.printf(Locale.ROOT, "ranker: %d lists of the calibration split's %d answerable questions (right entry in"
                + " the hand ranking's first %d)%n", ranking.lists(), ranking.questions(), LearnedRanker.DEPTH);
        for (int i = 0; i < LearnedRanker.NAMES.size(); i++) {
            out.printf(Locale.ROOT, "  %-16s %+8.4f%n", LearnedRanker.NAMES.get(i), ranker.weights()[i]);
        }
        String rankFigures = String.format(Locale.ROOT, "right entry first %.1f%% -> %.1f%%, in the top 3 %.1f%% -> %.1f%%",
                100 * ranking.top1Before(), 100 * ranking.top1After(), 100 * ranking.top3Before(), 100 * ranking.top3After());
        out.println("  on the calibration split, hand ranking -> learned: " + rankFigures);
        boolean ship = ranking.top1After() - ranking.top1Before() >= MIN_GAIN;
        out.println(ship ? "  the learned ranker serves" : String.format(Locale.ROOT, "  the hand ranking serves: the"
                + " learned one puts the right entry first for less than %.0f point more of the split", 100 * MIN_GAIN));
        IndexSnapshot snap = built.withRanking(Calibration.DEFAULT.withRanker(ship ? ranker : null), loaded.entities());
        Calibrator.Result r = Calibrator.fit(snap, questions, today);
        Calibration c = r.calibration();
        out.printf(Locale.ROOT, "calibration split: %d of %d questions, %d samples (top 3 entries each)%n",
                r.questions(), questions.size(), r.samples());
        Calibration en = c.forEnglish();
        out.printf(Locale.ROOT, "  %-16s %8s %8s%n", "", "zh", "en");
        out.printf(Locale.ROOT, "  %-16s %8.0f %8.0f   (chosen by %d-fold cross-validation on the split)%n", "ridge",
                r.ridgeZh(), r.ridgeEn(), Calibrator.FOLDS);
        out.printf(Locale.ROOT, "  %-16s %+8.4f %+8.4f%n", "bias", c.bias(), en.bias());
        for (int i = 0; i < Features.NAMES.size(); i++) {
            out.printf(Locale.ROOT, "  %-16s %+8.4f %+8.4f%n", Features.NAMES.get(i), c.weights()[i], en.weights()[i]);
        }
        out.printf(Locale.ROOT, "  answer threshold zh %.4f, en %.4f (wrong answers <= %.1f%% / %.1f%% of each"
                + " language's questions of the split)%n", c.answerThreshold(), en.answerThreshold(),
                100 * Calibrator.MAX_WRONG, 100 * Calibrator.MAX_WRONG_EN);
        out.printf(Locale.ROOT, "  offer threshold  zh %.4f, en %.4f (offers to <= %.0f%% of out-of-scope questions)%n",
                c.offerThreshold(), en.offerThreshold(), 100 * Calibrator.MAX_OOS_OFFERED);
        Calibration lexical = c.englishWithoutMeaning();
        out.printf(Locale.ROOT, "  without the sentence encoder, English: answer threshold %.4f, offer threshold %.4f"
                + " (its own model, fitted with the meaning features at 0)%n", lexical.answerThreshold(),
                lexical.offerThreshold());
        String figures = String.format(Locale.ROOT, "answered-right %.1f%%, answered-wrong %.1f%%, offered-right %.1f%%,"
                        + " out-of-scope declined %.1f%% (offered something %.1f%%)", 100 * r.answeredRight(),
                100 * r.answeredWrong(), 100 * r.offeredRight(), 100 * r.oosDeclined(), 100 * r.oosOffered());
        out.println("  on the calibration split: " + figures);
        out.println("  what each wrong-answer budget would give (out of fold on the split, each language's ridge):");
        out.printf(Locale.ROOT, "    %-8s %22s %22s%n", "budget", "zh threshold / right", "en threshold / right");
        for (Calibrator.Budget b : r.budgets()) {
            out.printf(Locale.ROOT, "    %5.1f%%   %11.4f / %5.1f%%   %11.4f / %5.1f%%%n", 100 * b.maxWrongShare(),
                    b.thresholdZh(), 100 * b.rightZh(), b.thresholdEn(), 100 * b.rightEn());
        }
        Path rankingFile = knowledgeDir.resolve(LearnedRanker.FILE);
        String rankingHeader = "Learned reranker of the policy digest: score = sum weight x feature over the hand ranking's first"
                + " candidates,\nP(candidate asked for) = softmax of the scores over the list.\n"
                + "Written by `kb check --calibrate " + evalDir + "` on " + today + " from " + ranking.lists()
                + " questions of the calibration split.\n"
                + "On that split, hand ranking -> learned: " + rankFigures + ".\n"
                + "Features: see com.teahouse.knowledge.internal.LearnedRanker. Do not edit by hand: refit instead.";
        try {
            if (ship) {
                Files.writeString(rankingFile, ranker.toYaml(rankingHeader));
                out.println("wrote " + rankingFile);
            } else if (Files.deleteIfExists(rankingFile)) {
                // the answer model below is fitted on the hand ranking: a ranker left beside it would not match it
                out.println("removed " + rankingFile);
            }
        } catch (IOException e) {
            out.println("kb check --calibrate: cannot write " + rankingFile + ": " + e.getMessage());
            return 1;
        }
        Path file = knowledgeDir.resolve(Calibration.FILE);
        String header = "Answer model of the policy digest: P(entry right) = 1 / (1 + exp(-(bias + sum weight x feature))).\n"
                + "Written by `kb check --calibrate " + evalDir + "` on " + today + " from " + r.questions()
                + " questions of the calibration split (ridge zh " + (int) r.ridgeZh() + ", en " + (int) r.ridgeEn()
                + ", thresholds from out-of-fold probabilities).\n"
                + "On that split: " + figures + ".\n"
                + "Features: see com.teahouse.knowledge.internal.Features. Do not edit by hand: refit instead.";
        try {
            Files.writeString(file, c.toYaml(header));
        } catch (IOException e) {
            out.println("kb check --calibrate: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + file);
        return 0;
    }
}
