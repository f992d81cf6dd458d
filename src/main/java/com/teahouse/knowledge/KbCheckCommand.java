package com.teahouse.knowledge;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;

import com.teahouse.knowledge.internal.DigestLoader;
import com.teahouse.knowledge.internal.LearnedRanker;
import com.teahouse.knowledge.internal.LoadReport;
import com.teahouse.knowledge.internal.Problem;

/**
 * {@code java -jar teahouse.jar kb check [dir]}: validates the digest and prints one
 * {@code file:line: severity: problem} line per finding, then a summary. Warnings (expired entries,
 * over-long short answers, and the prose checks of EntryTextRules: article numbers in the text that the
 * document written next to them lacks or that the entry does not cite, 《documents》 named but not cited,
 * numbers that differ between the zh and en versions; an entry dated before one of its documents; a missing calibration.yaml) fail
 * the check too: the check is the policy office's gate before publishing. A missing ranking.yaml is only noted:
 * the hand ranking serves without it.
 */
public final class KbCheckCommand {

    private KbCheckCommand() {
    }

    /** @return 0 when the digest is clean, 1 otherwise */
    public static int run(Path knowledgeDir, PrintStream out) {
        return run(knowledgeDir, out, LocalDate.now());
    }

    public static int run(Path knowledgeDir, PrintStream out, LocalDate today) {
        DigestLoader.Loaded loaded = DigestLoader.load(knowledgeDir, today);
        LoadReport report = loaded.report();
        Path base = knowledgeDir.toAbsolutePath().getParent();
        for (Problem p : report.problems()) {
            out.println(p.format(base));
        }
        if (!java.nio.file.Files.isRegularFile(knowledgeDir.resolve(LearnedRanker.FILE))) {
            out.println(knowledgeDir.resolve(LearnedRanker.FILE) + ": " + LearnedRanker.MISSING);
        }
        out.printf("kb check %s: %d entries, %d source documents, %d error(s), %d warning(s)%n",
                knowledgeDir, loaded.entries().size(), loaded.catalog().size(), report.errorCount(),
                report.warningCount());
        return report.isClean() ? 0 : 1;
    }

    /**
     * For {@code main} dispatch: {@code args} are what follows "kb check": {@code [dir]}, or
     * {@code --calibrate <eval-dir> [dir]} to refit knowledge/calibration.yaml (see {@link Calibrate}).
     */
    public static int run(String[] args, PrintStream out) {
        if (args.length > 0 && args[0].equals("--calibrate")) {
            if (args.length < 2) {
                out.println("usage: kb check --calibrate <eval-dir> [knowledge-dir]");
                return 2;
            }
            return Calibrate.run(Path.of(args.length > 2 ? args[2] : "knowledge"), Path.of(args[1]), out,
                    LocalDate.now());
        }
        return run(Path.of(args.length > 0 ? args[0] : "knowledge"), out);
    }
}
