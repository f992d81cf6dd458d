package com.teahouse.cases.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseDesk.Rating;
import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.CaseWork.DeclineRoute;
import com.teahouse.testsupport.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Plays the lives of many cases through a set of desks, in the order their steps happened: what people do
 * ({@link Act}) at the times given, and in between, when {@code items} is on, every deadline item falling due
 * (dispatch, reminders, 督办 at a breach, closing an unrated reply), fired at its due time as the scheduler does.
 * The same play runs on the product's desks over Redis (slow: a round trip per read and per change) and on
 * {@link PipelinedDesks} (the same desks, their scripts pipelined), which is how a bench loads a month of cases.
 */
public final class CaseHistories {

    /** What someone does to a case. {@code MERGE}'s value: the index, in the batch, of the case it joins. */
    public enum Act { CLAIM, EXTEND, RESOLVE, SATISFIED, BASICALLY_SATISFIED, UNSATISFIED, NOT_SOLVED, DECLINE, MERGE }

    /** @param value working days for EXTEND, the target's index for MERGE, else unused */
    public record Step(Instant at, Act act, int value) {
    }

    /** A case's request (its submission id must be new), when it was opened, and what was done to it after. */
    public record History(CaseRequest request, Instant opened, List<Step> steps) {
    }

    /** Desks to play on: the product's beans, or {@link PipelinedDesks}. */
    public interface Desks {
        CaseDesk desk();

        CaseWork work();

        CaseMerging merging();

        MutableClock clock();

        /** The earliest deadline item due by {@code limit} ({@code <tracking>|<kind>} and when), or null. */
        LoadedCases.Item nextDue(Instant limit);

        /** Fires the item as the scheduler does; false when it was not due. */
        boolean fire(String tracking, String kind);

        /** Waits until what follows a change (a merged group following A, from the notices stream) has happened. */
        default void settle() {
        }
    }

    private record Pending(Instant at, int history, int step) {
    }

    private CaseHistories() {
    }

    /**
     * Plays the batch until {@code end} (steps at or after it have not happened yet) and returns the tracking
     * numbers, in the batch's order. A step the desks refuse stops the play: the history is wrong.
     */
    public static List<String> play(List<History> batch, Instant end, boolean items, Actor staff, Desks d) {
        String[] numbers = new String[batch.size()];
        PriorityQueue<Pending> queue = new PriorityQueue<>(Comparator.comparing(Pending::at)
                .thenComparingInt(Pending::history).thenComparingInt(Pending::step));
        for (int i = 0; i < batch.size(); i++) {
            queue.add(new Pending(batch.get(i).opened(), i, -1));
        }
        while (true) {
            Pending p = queue.peek();
            Instant limit = p == null || p.at().isAfter(end) ? end : p.at();
            for (LoadedCases.Item item; items && (item = d.nextDue(limit)) != null; ) {
                d.clock().set(Instant.ofEpochMilli(item.due()));
                if (!d.fire(item.tracking(), item.kind())) {
                    throw new IllegalStateException("deadline item " + item.member() + " did not fire");
                }
                d.settle();
            }
            if (p == null || !p.at().isBefore(end)) {
                return Arrays.asList(numbers);
            }
            queue.poll();
            d.clock().set(p.at());
            History h = batch.get(p.history());
            if (p.step() < 0) {
                numbers[p.history()] = d.desk().open(h.request()).trackingNumber();
            } else {
                act(numbers[p.history()], h, h.steps().get(p.step()), numbers, staff, d);
            }
            d.settle();
            if (p.step() + 1 < h.steps().size()) {
                Step next = h.steps().get(p.step() + 1);
                queue.add(new Pending(next.at().isBefore(p.at()) ? p.at() : next.at(), p.history(), p.step() + 1));
            }
        }
    }

    private static void act(String t, History h, Step s, String[] numbers, Actor staff, Desks d) {
        CaseWork w = d.work();
        CaseState before = w.get(t).orElseThrow().state();
        CaseWork.Outcome o = switch (s.act()) {
            case CLAIM -> w.claim(t, staff, null);
            case EXTEND -> w.extend(t, staff, s.value(), "需要协调相关部门", null);
            case RESOLVE -> w.resolve(t, staff, "已协调办理完毕", null, false);
            case DECLINE -> w.decline(t, staff, DeclineRoute.COURT, "已进入诉讼程序", null, true);
            case MERGE -> d.merging().merge(t, numbers[s.value()], staff, true);
            case SATISFIED, BASICALLY_SATISFIED, UNSATISFIED -> {
                d.desk().rate(t, h.request().owner(), Rating.valueOf(s.act().name()), null, null);
                yield null;
            }
            case NOT_SOLVED -> {
                d.desk().notSolved(t, h.request().owner(), "问题没有解决");
                yield null;
            }
        };
        if (o != null ? !o.done() : w.get(t).orElseThrow().state() == before) {
            throw new IllegalStateException(s.act() + " of " + t + " (" + before + ") was refused: " + o);
        }
    }

    /** Steps in order, for building histories: {@code steps(at, CLAIM, 0, at2, RESOLVE, 0)}. */
    public static List<Step> steps(Object... timeActValue) {
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < timeActValue.length; i += 3) {
            out.add(new Step((Instant) timeActValue[i], (Act) timeActValue[i + 1], (Integer) timeActValue[i + 2]));
        }
        return out;
    }
}
