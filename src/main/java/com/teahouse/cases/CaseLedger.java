package com.teahouse.cases;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Every case opened in a period, read a page at a time so that a report of any length holds only one page in
 * memory. Each case comes with what its event log says about it ({@link LedgerCase}). No authorization here: the
 * caller asks {@link CasePolicy#decideReport} first and leaves personal fields out unless it allows them.
 */
public interface CaseLedger {

    /**
     * Calls {@code each} for every problem opened in [{@code from}, {@code to}), oldest first: every case but
     * those merged into another (并单), which are counted in their group's case ({@link LedgerCase#merged}), in
     * whatever period that one was opened.
     *
     * @param unit only the cases now handled by this unit; null for every unit
     * @return the cases opened in the period, merged ones included (each complaint as it came: what the reports'
     *         {@code opened} counts)
     */
    long openedBetween(Instant from, Instant to, String unit, Consumer<LedgerCase> each);
}
