package com.teahouse.dialog.internal;

import com.teahouse.dialog.internal.flow.FlowSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.StateSpec;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.Inbound;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the case transcript keeps of a user's message, as staff should read it: a pressed button by the label the
 * user saw, never its data; and no personal answer of the form. Company, credit code, contact person and phone
 * live only in the case's own fields (shown to whom {@link com.teahouse.cases.CasePolicy} allows), so the line
 * that answered one of them says only which field was answered.
 */
final class TranscriptLines {

    /** The form fields that are personal data (see {@link com.teahouse.cases.CaseRequest}). */
    static final Set<String> PERSONAL = Set.of("company", "creditCode", "contactName", "phone");

    private final Prompts prompts;

    TranscriptLines(Prompts prompts) {
        this.prompts = prompts;
    }

    /** The line for this message, given the state it arrives in (before it is handled). */
    String userLine(Turn t, FlowSpec flow, StateSpec state) {
        Inbound m = t.message;
        String into = state.input() == null ? null : state.input().into();
        boolean answer = m.kind() == Inbound.Kind.CONTACT || m.kind() == Inbound.Kind.EDITED
                || (m.kind() == Inbound.Kind.TEXT && !m.isCommand())
                || (m.kind() == Inbound.Kind.ATTACHMENT && m.text() != null);
        if (answer && into != null && PERSONAL.contains(into)) {
            return t.texts.render("access.transcript.withheld", t.language(),
                    Map.of("field", fieldLabel(t, flow, into))).plainText();
        }
        return switch (m.kind()) {
            case TEXT, EDITED -> m.text();
            case BUTTON -> buttonLabel(t, flow, state, m);
            case ATTACHMENT -> "[" + m.attachments().size() + " file(s)] " + (m.text() == null ? "" : m.text());
            case CONTACT -> "[contact]";
            case UNSUPPORTED -> "[" + m.text() + "]";
        };
    }

    private String buttonLabel(Turn t, FlowSpec flow, StateSpec state, Inbound m) {
        String label = prompts.buttons(t, flow, state).stream().flatMap(List::stream)
                .filter(b -> b.kind() == Button.Kind.ACTION && Objects.equals(b.data(), m.data()))
                .map(Button::label).findFirst().orElse(m.text());
        return "[" + (label != null ? label : t.label("access.transcript.button")) + "]";
    }

    /** The label the form's summary gives a field, else the field's name. */
    private static String fieldLabel(Turn t, FlowSpec flow, String field) {
        return flow.states().values().stream().flatMap(s -> s.summary().stream())
                .filter(i -> i.field().equals(field)).map(i -> t.label(i.label())).findFirst().orElse(field);
    }
}
