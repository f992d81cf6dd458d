package com.teahouse.dialog.internal;

import com.teahouse.dialog.internal.flow.FlowSpec.StateSpec;
import java.util.function.Supplier;

/**
 * A request for a person ("转人工", "talk to a person") goes to a person whatever the conversation is doing.
 * Where the typed text is a policy question (the state's input fills {@code question}), the answer says so
 * itself (the {@code person} event of policy-answer), so it is not asked twice. Everywhere else, short texts
 * are checked here first; a long text is an answer to the form (a complaint's story may well mention the staff
 * it dealt with) and is never taken for a request. Long is measured in characters where the text has Chinese, in
 * words where it has none: "I want to complain to a person, not fill in forms" is short, though over 40 characters.
 */
final class PersonRequests {

    /** The flow that hands the conversation to a person. */
    static final String FLOW = "human";
    static final int MAX_CHARS = 40;
    static final int MAX_WORDS = 12;
    private static final String QUESTION_FIELD = "question";

    private final Supplier<PolicyLookup> policies;

    PersonRequests(Supplier<PolicyLookup> policies) {
        this.policies = policies;
    }

    boolean asks(Turn t, StateSpec state, String text) {
        if (text == null || text.isBlank() || tooLong(text.strip())) {
            return false;
        }
        if (state != null && state.input() != null && QUESTION_FIELD.equals(state.input().into())) {
            return false;
        }
        return policies.get().asksForPerson(text.strip(), t.language());
    }

    private static boolean tooLong(String text) {
        boolean chinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return chinese ? text.length() > MAX_CHARS : text.split("\\s+").length > MAX_WORDS;
    }
}
