package com.teahouse.dialog.internal.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state machine's answers, remembered. Our machines have no guards, actions or extended state, so where
 * an event leads from a state depends on nothing else: the first time a (flow, state, event) is seen it is
 * fired on a restored Spring Statemachine, later steps reuse the answer. Not the default (the design restores
 * a machine per step); opt in with teahouse.dialogs.machine-per-step=false. DialogBench measures both.
 */
public final class RememberedFlows implements FlowMachine {

    private final FlowMachine machine;
    private final Map<String, Optional<String>> answers = new ConcurrentHashMap<>();

    public RememberedFlows(FlowMachine machine) {
        this.machine = machine;
    }

    @Override
    public Optional<String> next(String flow, String state, String event) {
        return answers.computeIfAbsent(flow + '\u0000' + state + '\u0000' + event,
                k -> machine.next(flow, state, event));
    }

    @Override
    public Costs costs() {
        return machine.costs();
    }
}
