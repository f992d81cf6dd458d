package com.teahouse.dialog.internal;

import com.teahouse.dialog.internal.flow.Catalogues;
import com.teahouse.dialog.internal.flow.FlowSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.InputSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.StateSpec;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a state shows: its text (with the answers so far as parameters), the summary of a form, and its buttons
 * — choices, the state's own buttons, and back/cancel. Button data names the flow and state it belongs to
 * ({@code complaint.district=kuiwen}, {@code complaint.confirm:submit}), so a press on an old message is
 * recognised as stale instead of being applied to whatever the conversation is doing now.
 */
final class Prompts {

    static final String BACK = "@back";
    static final String CANCEL = "@cancel";

    private final Catalogues catalogues;

    Prompts(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    static String token(FlowSpec flow, StateSpec state) {
        return flow.id() + "." + state.id();
    }

    void prompt(Turn turn, FlowSpec flow, StateSpec state) {
        if (state.say() != null) {
            turn.say(state.say(), turn.params());
        }
        if (!state.summary().isEmpty()) {
            RichText.Builder summary = RichText.builder();
            for (var item : state.summary()) {
                String value = display(turn, flow, item.field());
                if (value == null && item.field().equals("attachments")) {
                    continue;
                }
                summary.append(turn.texts.render("complaint.summary_line", turn.language(), Map.of("label",
                        turn.label(item.label()), "value", value == null ? turn.label("complaint.summary_empty")
                                : value))).text("\n");
            }
            turn.say(summary.build());
        }
        turn.promptButtons(buttons(turn, flow, state));
    }

    List<List<Button>> buttons(Turn turn, FlowSpec flow, StateSpec state) {
        String token = token(flow, state);
        List<List<Button>> rows = new ArrayList<>();
        List<Button> choices = new ArrayList<>();
        for (var choice : choices(state.input())) {
            choices.add(Button.action(label(turn, choice), token + "=" + choice.id()));
        }
        for (int i = 0; i < choices.size(); i += 2) {
            rows.add(choices.subList(i, Math.min(i + 2, choices.size())));
        }
        for (var row : state.buttons()) {
            rows.add(row.stream().map(b -> b.shareContact() ? Button.shareContact(turn.label(b.label()))
                    : Button.action(turn.label(b.label()), token + ":" + b.event())).toList());
        }
        if (flow.nav() && !state.passive()) {
            List<Button> nav = new ArrayList<>();
            if (!turn.conversation.back.isEmpty()) {
                nav.add(Button.action(turn.label("nav.back"), token + ":" + BACK));
            }
            nav.add(Button.action(turn.label("nav.cancel"), token + ":" + CANCEL));
            rows.add(nav);
        }
        return rows;
    }

    /** The choices of a choice input: its options, or its catalogue's entries. */
    List<Catalogues.Entry> choices(InputSpec input) {
        if (input == null || !"choice".equals(input.type())) {
            return List.of();
        }
        if (!input.options().isEmpty()) {
            return input.options().stream().map(o -> new Catalogues.Entry(o.value(), Map.of("key", o.label()),
                    null, null)).toList();
        }
        return catalogues.list(input.from());
    }

    /** A choice's label: options name a text key, catalogue entries carry their own labels. */
    static String label(Turn turn, Catalogues.Entry choice) {
        String key = choice.labels().get("key");
        return key != null ? turn.label(key) : choice.label(turn.language());
    }

    /** An answer as the user should read it: a choice's label rather than its id, attachments as a count. */
    String display(Turn turn, FlowSpec flow, String field) {
        if (field.equals("attachments")) {
            int n = turn.conversation.attachments.size();
            return n == 0 ? null : String.valueOf(n);
        }
        String value = turn.conversation.fields.get(field);
        if (value == null) {
            return null;
        }
        InputSpec input = flow.states().values().stream().map(StateSpec::input).filter(Objects::nonNull)
                .filter(i -> field.equals(i.into())).findFirst().orElse(null);
        return choices(input).stream().filter(c -> c.id().equals(value)).findFirst().map(c -> label(turn, c))
                .orElse(value);
    }
}
