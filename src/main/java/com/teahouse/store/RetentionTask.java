package com.teahouse.store;

import java.time.Instant;

/**
 * One kind of personal data that must not be kept longer than needed (PIPL), cleaned by the module that owns it.
 * The {@link RetentionSweeper} runs every task on a schedule, in one instance at a time. A task does a bounded
 * amount of work per run (at most about {@code budget} keys or entries) and picks up where it left off next time,
 * so a large backlog is worked off over several runs rather than in one long Redis stall.
 */
public interface RetentionTask {

    /** A short name for the log and the counters, e.g. "messaging". */
    String name();

    /**
     * Removes what is past its period at {@code now} (from the application's clock). Returns how many entries,
     * keys or records were trimmed, expired or anonymised. Must be idempotent: a run cut short is run again.
     */
    int sweep(Instant now, int budget);
}
