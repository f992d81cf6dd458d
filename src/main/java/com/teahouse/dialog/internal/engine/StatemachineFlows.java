package com.teahouse.dialog.internal.engine;

import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.dialog.internal.flow.FlowSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.StateSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.TransitionSpec;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult.ResultType;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * {@link FlowMachine} on Spring Statemachine: one machine definition per flow file, built with
 * {@link StateMachineBuilder}. The conversation's state lives in Redis, so a machine is only borrowed for one
 * step: taken from a small pool per flow (or built), reset to the stored state, fired and given back. A machine
 * is used by one thread at a time; the pool never hands one out twice.
 */
public final class StatemachineFlows implements FlowMachine {

    private static final int POOL_PER_FLOW = 16;

    private final Map<String, FlowSpec> flows;
    private final Map<String, Queue<StateMachine<String, String>>> pools = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pooled = new ConcurrentHashMap<>();
    private final LongAdder built = new LongAdder();
    private final LongAdder buildNanos = new LongAdder();
    private final LongAdder steps = new LongAdder();
    private final LongAdder stepNanos = new LongAdder();
    private final LongAdder restoreNanos = new LongAdder();
    private final boolean stopAndStart;

    public StatemachineFlows(DialogFiles files) {
        this(files, false);
    }

    /** {@code stopAndStart}: restore the way a persister does (stop, reset, start); for comparison in tests. */
    StatemachineFlows(DialogFiles files, boolean stopAndStart) {
        this.stopAndStart = stopAndStart;
        this.flows = files.flows();
        // one machine per flow up front: a definition Statemachine rejects fails start-up, not a conversation
        flows.keySet().forEach(id -> giveBack(id, build(flows.get(id))));
    }

    @Override
    public Optional<String> next(String flow, String state, String event) {
        FlowSpec spec = flows.get(flow);
        if (spec == null || !spec.states().containsKey(state)) {
            return Optional.empty();
        }
        long began = System.nanoTime();
        StateMachine<String, String> machine = borrow(spec);
        boolean reusable = false;
        try {
            restore(machine, state);
            restoreNanos.add(System.nanoTime() - began);
            var result = machine.sendEvent(Mono.just(MessageBuilder.withPayload(event).build())).blockLast();
            boolean accepted = result != null && result.getResultType() == ResultType.ACCEPTED;
            String reached = machine.getState() == null ? null : machine.getState().getId();
            reusable = true;
            return accepted && reached != null ? Optional.of(reached) : Optional.empty();
        } finally {
            // a machine that threw half-way may be in any state: dropped, the pool builds a fresh one
            if (reusable) {
                giveBack(flow, machine);
            }
            steps.increment();
            stepNanos.add(System.nanoTime() - began);
        }
    }

    /**
     * Puts a pooled machine in the stored state. Our machines have no actions, guards or extended state, so a
     * running machine can be reset in place: stop, reset, start (what a persister does) costs several times more
     * and gives the same answers (StatemachineFlowsTest checks every state and event both ways).
     */
    private void restore(StateMachine<String, String> machine, String state) {
        var context = new DefaultStateMachineContext<String, String>(state, null, null, null);
        if (stopAndStart) {
            machine.stopReactively().block();
        }
        machine.getStateMachineAccessor().doWithRegion(access -> access.resetStateMachineReactively(context).block());
        if (stopAndStart) {
            machine.startReactively().block();
        }
    }

    @Override
    public Costs costs() {
        return new Costs(built.sum(), buildNanos.sum(), steps.sum(), stepNanos.sum(), restoreNanos.sum());
    }

    private StateMachine<String, String> borrow(FlowSpec spec) {
        StateMachine<String, String> machine = pool(spec.id()).poll();
        if (machine == null) {
            return build(spec);
        }
        pooled.get(spec.id()).decrementAndGet();
        return machine;
    }

    private void giveBack(String flow, StateMachine<String, String> machine) {
        AtomicInteger size = pooled.computeIfAbsent(flow, f -> new AtomicInteger());
        if (size.incrementAndGet() <= POOL_PER_FLOW) {
            pool(flow).add(machine);
        } else {
            size.decrementAndGet();
        }
    }

    private Queue<StateMachine<String, String>> pool(String flow) {
        return pools.computeIfAbsent(flow, f -> new ConcurrentLinkedQueue<>());
    }

    /** States of the flow, plus one pseudo state per flow it can leave to: the machine models leaving too. */
    StateMachine<String, String> build(FlowSpec spec) {
        long began = System.nanoTime();
        try {
            var builder = StateMachineBuilder.<String, String>builder();
            builder.configureConfiguration().withConfiguration().machineId(spec.id()).autoStartup(false);
            Set<String> states = new LinkedHashSet<>(spec.states().keySet());
            spec.states().values().stream().flatMap(StatemachineFlows::transitions)
                    .filter(t -> t.flow() != null).forEach(t -> states.add(t.target()));
            builder.configureStates().withStates().initial(spec.start()).states(states);
            var transitions = builder.configureTransitions();
            for (StateSpec state : spec.states().values()) {
                for (TransitionSpec t : transitions(state).toList()) {
                    if (t.target() != null && states.contains(t.target())) {
                        transitions.withExternal().source(state.id()).target(t.target()).event(t.event()).and();
                    }
                }
            }
            StateMachine<String, String> machine = builder.build();
            // started once and kept running in the pool: see restore()
            machine.startReactively().block();
            return machine;
        } catch (Exception e) {
            throw new IllegalStateException("Spring Statemachine refused flow '" + spec.id() + "': " + e.getMessage(),
                    e);
        } finally {
            built.increment();
            buildNanos.add(System.nanoTime() - began);
        }
    }

    private static Stream<TransitionSpec> transitions(StateSpec state) {
        return Stream.concat(state.on().values().stream(), Stream.ofNullable(state.then()));
    }
}
