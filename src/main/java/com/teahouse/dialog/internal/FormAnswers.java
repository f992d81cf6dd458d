package com.teahouse.dialog.internal;

import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.dialog.internal.flow.FlowSpec.StateSpec;
import java.util.Map;

/**
 * What the person gives at a form's current state (typed text, a pressed choice, a photo or file): checked as
 * the state's input asks, kept in the form, then the flow moves on ({@link FlowRunner} does the moving). Apart
 * from the runner because answering is about the input's rules, moving about the flow's.
 */
final class FormAnswers {

    private static final int MAX_ATTACHMENTS = 10;

    private final FlowRunner runner;
    private final DialogFiles files;
    private final Prompts prompts;
    private final InputCheck check;

    FormAnswers(FlowRunner runner, DialogFiles files, Prompts prompts) {
        this.runner = runner;
        this.files = files;
        this.prompts = prompts;
        this.check = new InputCheck(prompts);
    }

    /** Typed text at the current state: checked as its input asks, then kept and moved on. */
    void input(Turn t, String text) {
        StateSpec state = runner.state(t.conversation);
        if (state.input() == null) {
            t.say("unexpected.use_buttons");
            t.promptButtons(prompts.buttons(t, runner.flow(t.conversation), state));
            return;
        }
        var result = check.check(state.input(), text, t);
        if (!result.ok()) {
            t.say(result.problem(), result.params());
            t.promptButtons(prompts.buttons(t, runner.flow(t.conversation), state));
            return;
        }
        answer(t, result.value());
    }

    /** A choice pressed on a button of the current state; false when the value is not one of its choices. */
    boolean choose(Turn t, String value) {
        StateSpec state = runner.state(t.conversation);
        if (state.input() == null || !InputCheck.isChoice(state.input(), value, prompts)) {
            return false;
        }
        answer(t, value);
        return true;
    }

    private void answer(Turn t, String value) {
        var input = runner.state(t.conversation).input();
        t.conversation.fields.put(input.into(), value);
        if ("categories".equals(input.from())) {
            var category = files.catalogues().find("categories", value);
            var unit = category == null ? null : files.catalogues().unit(category.unit());
            if (unit != null) {
                t.say("complaint.category_chosen", Map.of("unit", unit.label(t.language()), "days",
                        category.days() == null ? 5 : category.days()));
            }
        }
        runner.fire(t, "valid");
    }

    /** A photo or document: kept when the state takes attachments, with its caption as the typed answer. */
    void attach(Turn t) {
        StateSpec state = runner.state(t.conversation);
        if (state.input() == null || !state.input().attachments()) {
            t.say("complaint.attachment_not_here");
            t.promptButtons(prompts.buttons(t, runner.flow(t.conversation), state));
            return;
        }
        var kept = t.conversation.attachments;
        t.message.attachments().stream().limit(Math.max(0, MAX_ATTACHMENTS - kept.size())).forEach(kept::add);
        String caption = t.message.text();
        if (caption != null && !caption.isBlank()) {
            input(t, caption);
        } else {
            t.say("complaint.attachment_received", Map.of("count", kept.size()));
            t.promptButtons(prompts.buttons(t, runner.flow(t.conversation), state));
        }
    }
}
