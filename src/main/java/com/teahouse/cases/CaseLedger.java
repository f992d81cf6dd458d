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
     * Calls {@code each} for every case opened in [{@code from}, {@code to}), oldest first.
     *
     * @param unit only the cases now handled by this unit; null for every unit
     */
    void openedBetween(Instant from, Instant to, String unit, Consumer<LedgerCase> each);
}
