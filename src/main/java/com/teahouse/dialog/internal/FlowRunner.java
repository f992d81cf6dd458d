package com.teahouse.dialog.internal;

import com.teahouse.dialog.internal.engine.FlowMachine;
import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.dialog.internal.flow.FlowSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.StateSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.TransitionSpec;

/**
 * Moves a conversation through the flows: the state machine says where an event leads, this class does what
 * entering a state means (say its prompt, run its action, pass on at once) and keeps the form, the back stack
 * and the draft in order.
 */
final class FlowRunner {

    static final String HOME = "menu";
    private static final int MAX_CHAIN = 16;
    private static final int MAX_BACK = 20;

    interface Actions {
        /** Runs a flow's {@code do:}; returns the event to fire next, or null when it placed the conversation. */
        String run(String action, Turn turn);
    }

    private final DialogFiles files;
    private final FlowMachine machine;
    private final Prompts prompts;
    private final FormAnswers answers;
    private Actions actions;

    FlowRunner(DialogFiles files, FlowMachine machine, Prompts prompts) {
        this.files = files;
        this.machine = machine;
        this.prompts = prompts;
        this.answers = new FormAnswers(this, files, prompts);
    }

    void actions(Actions actions) {
        this.actions = actions;
    }

    FlowSpec flow(Conversation c) {
        return files.flow(c.flow);
    }

    StateSpec state(Conversation c) {
        FlowSpec flow = flow(c);
        return flow == null ? null : flow.states().get(c.state);
    }

    /** True when the stored position still exists in the flow files (they may have changed since). */
    boolean valid(Conversation c) {
        return state(c) != null;
    }

    void home(Conversation c) {
        c.clearForm();
        c.at(HOME, files.flow(HOME).start());
    }

    boolean atHome(Conversation c) {
        return HOME.equals(c.flow) && files.flow(HOME).start().equals(c.state);
    }

    void prompt(Turn t) {
        prompts.prompt(t, flow(t.conversation), state(t.conversation));
    }

    /** Leaves the current flow (keeping a draft of a half-filled form) and enters another at its start. */
    void start(Turn t, String flowId, boolean prompt) {
        start(t, flowId, prompt, 0);
    }

    private void start(Turn t, String flowId, boolean prompt, int depth) {
        saveDraft(t);
        FlowSpec next = files.flow(flowId);
        t.conversation.clearForm();
        t.conversation.at(flowId, next.start());
        enter(t, next.start(), prompt, depth + 1);
    }

    /** Keeps the current form as the draft when its flow asks for that and something was answered. */
    boolean saveDraft(Turn t) {
        Conversation c = t.conversation;
        FlowSpec flow = flow(c);
        if (flow == null || !flow.draft() || !c.hasAnswers()) {
            return false;
        }
        var draft = new Conversation.Draft();
        draft.flow = c.flow;
        draft.state = c.state;
        draft.fields.putAll(c.fields);
        draft.attachments.addAll(c.attachments);
        draft.back.addAll(c.back);
        draft.savedAt = t.now.getEpochSecond();
        c.draft = draft;
        return true;
    }

    boolean fire(Turn t, String event) {
        return fire(t, event, 0);
    }

    /** An event the engine raises on its own (a "did you mean" entry pressed): fired only where it is routed. */
    boolean fireIfRouted(Turn t, String event) {
        StateSpec state = state(t.conversation);
        return state != null && state.on().containsKey(event) && fire(t, event);
    }

    private boolean fire(Turn t, String event, int depth) {
        Conversation c = t.conversation;
        FlowSpec flow = flow(c);
        StateSpec state = state(c);
        TransitionSpec transition = FlowSpec.THEN.equals(event) ? state.then() : state.on().get(event);
        var target = machine.next(flow.id(), state.id(), event);
        if (transition == null || target.isEmpty()) {
            return false;
        }
        if (transition.flow() != null) {
            String text = t.message.text();
            start(t, transition.flow(), !transition.quiet() && !transition.carry(), depth);
            if (transition.carry()) {
                input(t, text);
            }
            return true;
        }
        String next = target.get();
        if (c.returnTo != null && (event.equals("valid") || event.equals("skip"))) {
            next = c.returnTo;
            c.returnTo = null;
        }
        if (transition.returnTo() != null) {
            c.returnTo = transition.returnTo();
        }
        if (!state.passive() && (c.back.isEmpty() || !c.back.get(c.back.size() - 1).equals(state.id()))) {
            c.back.add(state.id());
            if (c.back.size() > MAX_BACK) {
                c.back.remove(0);
            }
        }
        enter(t, next, true, depth + 1);
        return true;
    }

    private void enter(Turn t, String stateId, boolean prompt, int depth) {
        if (depth > MAX_CHAIN) {
            throw new IllegalStateException("flow " + t.conversation.flow + " passes on without end at " + stateId);
        }
        Conversation c = t.conversation;
        c.state = stateId;
        StateSpec state = state(c);
        if (state.action() != null) {
            String event = actions.run(state.action(), t);
            if (event == null) {
                prompt(t);
            } else if (!fire(t, event, depth)) {
                throw new IllegalStateException("action " + state.action() + " said '" + event + "', which "
                        + c.flow + "." + stateId + " does not handle");
            }
        } else if (state.then() != null) {
            if (state.say() != null) {
                t.say(state.say(), t.params());
            }
            fire(t, FlowSpec.THEN, depth);
        } else if (prompt) {
            prompt(t);
        }
    }

    /** Typed text at the current state: checked as its input asks, then kept and moved on. */
    void input(Turn t, String text) {
        answers.input(t, text);
    }

    /** A choice pressed on a button of the current state; false when the value is not one of its choices. */
    boolean choose(Turn t, String value) {
        return answers.choose(t, value);
    }

    /** A photo or document: kept when the state takes attachments, with its caption as the typed answer. */
    void attach(Turn t) {
        answers.attach(t);
    }

    void back(Turn t) {
        Conversation c = t.conversation;
        if (c.back.isEmpty()) {
            cancel(t);
            return;
        }
        c.returnTo = null;
        enter(t, c.back.remove(c.back.size() - 1), true, 0);
    }

    void cancel(Turn t) {
        boolean kept = !HOME.equals(t.conversation.flow) && saveDraft(t);
        t.say(kept ? "cancel.draft_kept" : "cancel.done");
        t.conversation.clearForm();
        t.conversation.at(HOME, files.flow(HOME).start());
        enter(t, files.flow(HOME).start(), true, 0);
    }
}
