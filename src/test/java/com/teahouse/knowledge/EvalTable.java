package com.teahouse.knowledge;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.teahouse.knowledge.EvalOutcome.Kind;

/**
 * The evaluation's figures for a group of outcomes. Shares of answerable questions: answered-right,
 * offered-right, declined with the right entry in the top 3, declined without it, top-1 and top-3 (the right entry
 * ranked first / in the first three, answered or not: top-1 beside answered-right shows how much the ranking gets
 * right that the answer model is not sure enough to answer). Wrong
 * answers are a share of all questions (an answered out-of-scope question is wrong). Out-of-scope
 * declined is a share of the out-of-scope questions; person requests must all be handed off.
 */
record EvalTable(String name, int n, int inScope, int oos, int persons, double answeredRight, double answeredWrong,
                 double offeredRight, double declinedInTop3, double declinedNotInTop3, double top1, double top3,
                 double oosDeclined,
                 int personsMissed) {

    static EvalTable of(String name, List<EvalOutcome> outcomes) {
        List<EvalOutcome> in = outcomes.stream().filter(EvalOutcome::inScope).toList();
        List<EvalOutcome> oos = outcomes.stream().filter(EvalOutcome::outOfScope).toList();
        long persons = outcomes.stream().filter(o -> o.question().person()).count();
        return new EvalTable(name, outcomes.size(), in.size(), oos.size(), (int) persons,
                share(count(in, Kind.ANSWERED_RIGHT), in.size()),
                share(count(outcomes, Kind.ANSWERED_WRONG), (int) (outcomes.size() - persons)),
                share(count(in, Kind.OFFERED_RIGHT), in.size()),
                share(count(in, Kind.DECLINED_IN_TOP3), in.size()),
                share(count(in, Kind.DECLINED_NOT_IN_TOP3), in.size()),
                share(in.stream().filter(EvalOutcome::top1).count(), in.size()),
                share(in.stream().filter(EvalOutcome::top3).count(), in.size()),
                share(count(oos, Kind.OOS_DECLINED), oos.size()),
                (int) count(outcomes, Kind.PERSON_MISSED));
    }

    private static long count(List<EvalOutcome> outcomes, Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    private static double share(long n, int d) {
        return d == 0 ? Double.NaN : (double) n / d;
    }

    static void header(PrintStream out) {
        out.printf("%-36s %4s %4s %4s %3s | %6s %6s %6s %6s %6s | %6s %6s %6s | %s%n", "group", "n", "in", "oos", "per",
                "right", "wrong", "offer", "dTop3", "dMiss", "top1", "top3", "oosDec", "personMissed");
    }

    void print(PrintStream out) {
        out.printf("%-36s %4d %4d %4d %3d | %s %s %s %s %s | %s %s %s | %d%n", name, n, inScope, oos, persons,
                pct(answeredRight), pct(answeredWrong), pct(offeredRight), pct(declinedInTop3), pct(declinedNotInTop3),
                pct(top1), pct(top3), pct(oosDeclined), personsMissed);
    }

    /**
     * The 95% Wilson intervals of answered-right, answered-wrong and top-3: how far the figures could move on another
     * set of questions like these (a few hundred questions: several points), so a change smaller than that is not
     * read as a gain.
     */
    void printIntervals(PrintStream out) {
        int judged = n - persons;
        out.printf("%-36s 95%% intervals: right %s, wrong %s, top3 %s%n", "  " + name, wilson(answeredRight, inScope),
                wilson(answeredWrong, judged), wilson(top3, inScope));
    }

    static String wilson(double share, int count) {
        if (count == 0 || Double.isNaN(share)) {
            return "-";
        }
        double z = 1.96;
        double z2 = z * z / count;
        double centre = (share + z2 / 2) / (1 + z2);
        double half = z * Math.sqrt(share * (1 - share) / count + z * z / (4.0 * count * count)) / (1 + z2);
        return String.format("%.1f-%.1f%%", 100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "     -" : String.format("%5.1f%%", 100 * v);
    }

    /** Prints one row per group of {@code key}, sorted by name; returns the rows. */
    static List<EvalTable> groups(PrintStream out, List<EvalOutcome> outcomes, Function<EvalOutcome, String> key) {
        Map<String, List<EvalOutcome>> groups = new TreeMap<>();
        outcomes.forEach(o -> groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
        List<EvalTable> rows = new ArrayList<>();
        groups.forEach((k, v) -> rows.add(of(k, v)));
        rows.forEach(r -> r.print(out));
        return rows;
    }
}
