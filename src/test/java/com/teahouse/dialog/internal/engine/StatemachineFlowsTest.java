package com.teahouse.dialog.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.dialog.internal.flow.FlowSpec;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pooled machines are reset in place while running; a persister would stop, reset and start. Both must
 * answer alike for every state of every flow and every event any flow knows (unknown ones included), and a
 * machine reused across many different states must not remember where it was before.
 */
class StatemachineFlowsTest {

    @Test
    void resetInPlaceAnswersLikeStopResetStart() {
        DialogFiles files = DialogFiles.load(Path.of("dialogs"));
        StatemachineFlows fast = new StatemachineFlows(files);
        StatemachineFlows reference = new StatemachineFlows(files, true);
        Set<String> events = new LinkedHashSet<>();
        for (FlowSpec flow : files.flows().values()) {
            flow.states().values().forEach(s -> {
                s.on().values().forEach(t -> events.add(t.event()));
                if (s.then() != null) {
                    events.add(s.then().event());
                }
            });
        }
        events.add("no-such-event");
        int compared = 0;
        for (int round = 0; round < 2; round++) {
            for (FlowSpec flow : files.flows().values()) {
                for (String state : flow.states().keySet()) {
                    for (String event : events) {
                        assertEquals(reference.next(flow.id(), state, event), fast.next(flow.id(), state, event),
                                flow.id() + " " + state + " " + event);
                        compared++;
                    }
                }
            }
        }
        System.out.printf("%d answers compared; restore in place %.1f µs, stop-reset-start %.1f µs per step%n",
                compared, fast.costs().microsPerRestore(), reference.costs().microsPerRestore());
    }
}
