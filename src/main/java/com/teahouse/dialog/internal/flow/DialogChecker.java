package com.teahouse.dialog.internal.flow;

import com.teahouse.dialog.internal.flow.FlowSpec.StateSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.TransitionSpec;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The checks across files: states, transitions, actions, text keys and catalogues must all fit together. */
final class DialogChecker {

    /**
     * The actions the engine implements (a `do:` naming anything else is a mistake in the file), each with the
     * events it may say: a state running it must route every one of them.
     */
    static final Map<String, List<String>> ACTION_EVENTS = Map.ofEntries(
            Map.entry("policy-answer", List.of("answered", "offered", "unanswered", "person")),
            Map.entry("policy-not-helped", List.of("done")), Map.entry("draft-check", List.of("draft", "none")),
            Map.entry("draft-restore", List.of("restored")), Map.entry("draft-discard", List.of("done")),
            Map.entry("open-complaint", List.of("opened", "failed")), Map.entry("case-status", List.of("done")),
            Map.entry("handoff", List.of("done")), Map.entry("set-language", List.of("done")),
            Map.entry("rate-comment", List.of("done")), Map.entry("not-solved", List.of("done")));
    static final Set<String> ACTIONS = ACTION_EVENTS.keySet();

    /** The flows the engine enters by itself: home, and a person when someone asks for one. */
    static final List<String> ENGINE_FLOWS = List.of("menu", "human");

    /** The event of policy-answer for "did you mean": where it lands, pressing an entry fires PICKED. */
    static final String OFFERED = "offered";

    /** Text keys the engine itself uses (navigation, unexpected input, notices). */
    static final Set<String> ENGINE_TEXTS = Set.of("nav.back", "nav.cancel", "cancel.done", "cancel.draft_kept",
            "timeout.notice", "timeout.draft_kept", "unexpected.unsupported", "unexpected.edited",
            "unexpected.stale_button", "unexpected.use_buttons", "unexpected.unknown_command", "unexpected.too_long",
            "unexpected.not_contact", "relay.label", "rating.thanks", "rating.reopened", "rating.failed", "error",
            "complaint.attachment_received", "complaint.attachment_not_here", "complaint.summary_line",
            "complaint.summary_empty", "complaint.category_chosen", "complaint.opened", "complaint.open_failed",
            "status.none", "status.list_head", "status.line", "status.unknown", "status.bad_number", "human.opened",
            "human.failed", "ask.not_sure", "ask.entry_unknown", "common.yes", "common.no", "command.cancel",
            "kb.source", "kb.effective", "kb.more", "answers.did_you_mean");

    private final Map<String, FlowSpec> flows;
    private final TextCatalog texts;
    private final Catalogues catalogues;
    private final Problems problems;

    DialogChecker(Map<String, FlowSpec> flows, TextCatalog texts, Catalogues catalogues, Problems problems) {
        this.flows = flows;
        this.texts = texts;
        this.catalogues = catalogues;
        this.problems = problems;
    }

    void check() {
        Map<String, String> commands = new HashMap<>();
        for (FlowSpec flow : flows.values()) {
            if (flow.command() != null) {
                String other = commands.putIfAbsent(flow.command(), flow.id());
                if (other != null) {
                    problems.add(flow.file(), flow.line(), "duplicate id: command /" + flow.command()
                            + " is also started by flow '" + other + "'");
                }
                textKey(flow, flow.line(), flow.describe(), "describe");
            }
            check(flow);
        }
        if (!flows.containsKey("menu")) {
            problems.add("flows/", 1, "there is no flow 'menu': every flow returns to it");
        }
        if (!flows.containsKey("human")) {
            problems.add("flows/", 1, "there is no flow 'human': a request for a person is handed to it");
        }
        ENGINE_TEXTS.stream().filter(k -> !texts.has(k)).sorted().forEach(k -> problems.add("texts/", 1,
                "unknown text key '" + k + "': the engine needs it, but no texts file defines it"));
    }

    private void check(FlowSpec flow) {
        if (flow.start() == null || !flow.states().containsKey(flow.start())) {
            problems.add(flow.file(), flow.startLine(), "unknown state: start '" + flow.start()
                    + "' is not a state of flow '" + flow.id() + "'");
        }
        for (StateSpec state : flow.states().values()) {
            String where = "state '" + state.id() + "'";
            textKey(flow, state.line(), state.say(), where + " say");
            Stream.concat(state.on().values().stream(), Stream.ofNullable(state.then()))
                    .forEach(t -> transition(flow, state, t));
            state.buttons().stream().flatMap(java.util.List::stream).forEach(b -> {
                textKey(flow, b.line(), b.label(), where + " button");
                if (b.event() != null && !state.on().containsKey(b.event())) {
                    problems.add(flow.file(), b.line(), "transition to nowhere: button event '" + b.event()
                            + "' of " + where + " has no on: " + b.event());
                }
            });
            if (state.action() != null && !ACTIONS.contains(state.action())) {
                problems.add(flow.file(), state.line(), "unknown action '" + state.action() + "' in " + where
                        + "; known: " + new TreeSet<>(ACTIONS));
            } else if (state.action() != null) {
                actionEvents(flow, state);
            }
            if (state.input() != null) {
                input(flow, state);
            } else if (!state.passive() && state.buttons().isEmpty()) {
                problems.add(flow.file(), state.line(), where + " waits for nothing: give it input, buttons, do "
                        + "or then");
            }
            state.summary().forEach(s -> textKey(flow, s.line(), s.label(), where + " summary"));
        }
        reachable(flow);
    }

    /** Every event the action may say is routed; and "did you mean" lands where a pressed entry is routed. */
    private void actionEvents(FlowSpec flow, StateSpec state) {
        for (String event : ACTION_EVENTS.get(state.action())) {
            TransitionSpec t = state.on().get(event);
            if (t == null) {
                problems.add(flow.file(), state.line(), "transition to nowhere: action '" + state.action()
                        + "' of state '" + state.id() + "' may say '" + event + "', which it has no on: for");
            } else if (event.equals(OFFERED) && t.to() != null && flow.states().containsKey(t.to())
                    && !flow.states().get(t.to()).on().containsKey(FlowSpec.PICKED)) {
                problems.add(flow.file(), t.line(), "state '" + t.to() + "' shows the entries offered (\"did you "
                        + "mean\") but has no on: " + FlowSpec.PICKED + " for when one of them is pressed");
            }
        }
    }

    private void input(FlowSpec flow, StateSpec state) {
        var input = state.input();
        textKey(flow, input.line(), input.invalid(), "invalid");
        input.options().forEach(o -> textKey(flow, o.line(), o.label(), "option"));
        if ("choice".equals(input.type()) && input.options().isEmpty()) {
            if (input.from() == null || !Catalogues.NAMES.contains(input.from())) {
                problems.add(flow.file(), input.line(), "a choice needs options: or from: one of "
                        + Catalogues.NAMES + " (got '" + input.from() + "')");
            }
        }
        if ("regex".equals(input.type()) && input.pattern() == null) {
            problems.add(flow.file(), input.line(), "a regex input needs pattern:");
        }
        if (!state.on().containsKey("valid")) {
            problems.add(flow.file(), state.line(), "transition to nowhere: state '" + state.id()
                    + "' takes input but has no on: valid");
        }
    }

    private void transition(FlowSpec flow, StateSpec from, TransitionSpec t) {
        if (t.to() != null && !flow.states().containsKey(t.to())) {
            problems.add(flow.file(), t.line(), "transition to nowhere: unknown state '" + t.to() + "' (from '"
                    + from.id() + "' on " + t.event() + ")");
        }
        if (t.flow() != null && !flows.containsKey(t.flow())) {
            problems.add(flow.file(), t.line(), "transition to nowhere: unknown flow '" + t.flow() + "'");
        }
        if (t.returnTo() != null && !flow.states().containsKey(t.returnTo())) {
            problems.add(flow.file(), t.line(), "unknown state: return '" + t.returnTo() + "'");
        }
    }

    private void reachable(FlowSpec flow) {
        Set<String> seen = new LinkedHashSet<>();
        var queue = new ArrayDeque<String>();
        if (flow.start() != null) {
            queue.add(flow.start());
        }
        while (!queue.isEmpty()) {
            StateSpec state = flow.states().get(queue.poll());
            if (state == null || !seen.add(state.id())) {
                continue;
            }
            Stream.concat(state.on().values().stream(), Stream.ofNullable(state.then())).forEach(t -> {
                if (t.to() != null) {
                    queue.add(t.to());
                }
                if (t.returnTo() != null) {
                    queue.add(t.returnTo());
                }
            });
        }
        flow.states().values().stream().filter(s -> !seen.contains(s.id())).forEach(s -> problems.add(flow.file(),
                s.line(), "unreachable state '" + s.id() + "': no transition leads to it from start"));
    }

    private void textKey(FlowSpec flow, int line, String key, String where) {
        if (key != null && !texts.has(key)) {
            problems.add(flow.file(), line, "unknown text key '" + key + "' (" + where + "); add it to dialogs/texts");
        }
    }
}
