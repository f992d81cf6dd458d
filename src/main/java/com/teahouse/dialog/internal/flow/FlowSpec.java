package com.teahouse.dialog.internal.flow;

import java.util.List;
import java.util.Map;

/**
 * One flow file of dialogs/flows, as read: every element keeps the line it came from, so that whatever checks it
 * later can say where a problem is.
 */
public record FlowSpec(String id, String file, int line, String command, String describe, boolean nav,
        boolean draft, String start, int startLine, Map<String, StateSpec> states) {

    /** A state: says something, maybe waits for input or buttons, maybe runs an action, then moves on. */
    public record StateSpec(String id, int line, String say, InputSpec input, List<List<ButtonSpec>> buttons,
            Map<String, TransitionSpec> on, String action, TransitionSpec then, List<SummaryItem> summary) {

        /** A state that does not wait for the user: it runs an action, or just says something and goes on. */
        public boolean passive() {
            return action != null || then != null;
        }
    }

    /**
     * What the state accepts as typed input, and how it is checked.
     *
     * @param type text, regex, choice, credit-code or phone
     * @param from for a choice: a catalogue (categories, districts) instead of options
     */
    public record InputSpec(int line, String type, String into, Integer min, Integer max, String pattern,
            String from, List<Option> options, boolean attachments, String invalid) {
    }

    public record Option(String value, String label, int line) {
    }

    /** A button: fires its event; or, with share-contact, asks the client for the phone number. */
    public record ButtonSpec(String label, String event, boolean shareContact, int line) {
    }

    /**
     * Where an event leads: a state of this flow, or another flow's start. {@code carry} hands the same message
     * to the next flow; {@code quiet} enters it without its prompt; {@code returnTo} makes the next valid answer
     * come back to that state (editing one field from a summary).
     */
    public record TransitionSpec(String event, String to, String flow, boolean carry, boolean quiet,
            String returnTo, int line) {

        public String target() {
            return flow != null ? exitState(flow) : to;
        }
    }

    public record SummaryItem(String field, String label, int line) {
    }

    /** The pseudo state that stands for "leave to that flow" in the state machine. */
    public static String exitState(String flow) {
        return "@" + flow;
    }

    /** The events that fire automatically when a passive state is entered without an action. */
    public static final String THEN = "then";

    /** The event the engine fires where a "did you mean" entry was pressed and shown. */
    public static final String PICKED = "picked";
}
