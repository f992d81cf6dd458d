package com.teahouse.dialog.internal.engine;

import java.util.Optional;

/**
 * The conversation's state machine, seen from the rest of the dialog module: where an event leads from a
 * state. Keeps Spring Statemachine types inside this package. Safe to call from any thread.
 */
public interface FlowMachine {

    /** The state reached from {@code state} of {@code flow} on {@code event}; empty when the event does not apply. */
    Optional<String> next(String flow, String state, String event);

    /** What machines cost so far: for the benchmark and the logs. */
    Costs costs();

    /**
     * @param built        machines built from the flow files
     * @param buildNanos   total time spent building them
     * @param steps        events fired (each restores a pooled machine to the stored state first)
     * @param stepNanos    total time of those restore-and-fire steps
     * @param restoreNanos the part of stepNanos spent restoring (resetting) the machine to the stored state
     */
    record Costs(long built, long buildNanos, long steps, long stepNanos, long restoreNanos) {

        public double microsPerBuild() {
            return built == 0 ? 0 : buildNanos / 1000.0 / built;
        }

        public double microsPerStep() {
            return steps == 0 ? 0 : stepNanos / 1000.0 / steps;
        }

        public double microsPerRestore() {
            return steps == 0 ? 0 : restoreNanos / 1000.0 / steps;
        }
    }
}
