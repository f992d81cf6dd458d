package com.teahouse.dialog.internal;

import com.teahouse.dialog.internal.flow.FlowSpec;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.Inbound;
import java.util.List;

/**
 * What a message means inside the chat's current flow: a command, a button (ours, a case button, or stale), a
 * reply keyboard's label, a request for a person, a shared contact, an attachment or typed input. Apart from
 * {@link HotlineDialog}, which decides whether the flow is reached at all (groups, staff takeover, idle timeout),
 * so that each reads as one question.
 */
final class TurnDispatch {

    private final FlowRunner runner;
    private final Prompts prompts;
    private final CaseButtons caseButtons;
    private final DialogCommands commands;
    private final PersonRequests personRequests;

    TurnDispatch(FlowRunner runner, Prompts prompts, CaseButtons caseButtons, DialogCommands commands,
            PersonRequests personRequests) {
        this.runner = runner;
        this.prompts = prompts;
        this.caseButtons = caseButtons;
        this.commands = commands;
        this.personRequests = personRequests;
    }

    void dispatch(Turn t) {
        Inbound m = t.message;
        switch (m.kind()) {
            case TEXT -> {
                if (m.isCommand()) {
                    commands.run(t, runner);
                } else {
                    String pressed = pressedByLabel(t, m.text());
                    if (pressed != null) {
                        button(t, pressed);
                    } else if (personRequests.asks(t, runner.state(t.conversation), m.text())) {
                        runner.start(t, PersonRequests.FLOW, true);
                    } else {
                        runner.input(t, m.text());
                    }
                }
            }
            case BUTTON -> button(t, m.data());
            case CONTACT -> contact(t);
            case ATTACHMENT -> runner.attach(t);
            case EDITED -> remind(t, "unexpected.edited");
            case UNSUPPORTED -> remind(t, "unexpected.unsupported");
        }
    }

    /** A button press: our own (naming flow and state), one of the case buttons, or stale. */
    private void button(Turn t, String data) {
        if (data == null || data.isBlank()) {
            stale(t);
            return;
        }
        if (caseButtons.handle(t, data)) {
            return;
        }
        FlowSpec flow = runner.flow(t.conversation);
        String token = Prompts.token(flow, runner.state(t.conversation));
        if (data.equals(token + ":" + Prompts.CANCEL) || data.endsWith(":" + Prompts.CANCEL)) {
            runner.cancel(t);
        } else if (data.startsWith(token + "=")) {
            if (!runner.choose(t, data.substring(token.length() + 1))) {
                stale(t);
            }
        } else if (data.equals(token + ":" + Prompts.BACK)) {
            runner.back(t);
        } else if (!data.startsWith(token + ":") || !runner.fire(t, data.substring(token.length() + 1))) {
            stale(t);
        }
    }

    /** Reply keyboards (the share-phone step) send their buttons' labels as text: treat those as presses. */
    private String pressedByLabel(Turn t, String text) {
        if (text == null || text.length() > 64) {
            return null;
        }
        String typed = text.strip();
        return prompts.buttons(t, runner.flow(t.conversation), runner.state(t.conversation)).stream()
                .flatMap(List::stream).filter(b -> b.kind() == Button.Kind.ACTION && b.label().equals(typed))
                .map(Button::data).findFirst().orElse(null);
    }

    private void contact(Turn t) {
        var input = runner.state(t.conversation).input();
        if (input == null || !"phone".equals(input.type()) || t.message.contact() == null) {
            remind(t, "unexpected.not_contact");
            return;
        }
        // a shared contact (Telegram's button, the web page's phone field) is checked like a typed number: it may
        // be someone else's card or any text the page was sent, so it earns no trust of its own (F27)
        runner.input(t, t.message.contact().phone());
    }

    private void stale(Turn t) {
        t.say("unexpected.stale_button");
        runner.prompt(t);
    }

    private void remind(Turn t, String key) {
        t.say(key);
        t.promptButtons(prompts.buttons(t, runner.flow(t.conversation), runner.state(t.conversation)));
    }
}
