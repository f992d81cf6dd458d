package com.teahouse.dialog.internal;

import com.teahouse.cases.ConversationLine;
import com.teahouse.cases.CaseDesk;
import com.teahouse.channel.telegram.TelegramChannel;
import com.teahouse.dialog.UnansweredQuestion;
import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.dialog.internal.flow.FlowSpec;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.MessageHandler;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Step;
import com.teahouse.texts.Texts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.core.annotation.Order;

/**
 * The conversation with entrepreneurs: restores the chat's conversation from the stored state, deals with what
 * applies anywhere (staff takeover, idle timeout, commands, stale buttons, stickers, edits), hands the rest to
 * the flows, and returns the new state with one reply. Every chat except the staff group; in any other group
 * it only asks to be written to privately, and keeps no state there.
 */
@Order(100)
final class HotlineDialog implements MessageHandler {

    static final Duration IDLE = Duration.ofMinutes(30);

    private final FlowRunner runner;
    private final Prompts prompts;
    private final Texts texts;
    private final Supplier<CaseDesk> cases;
    private final Clock clock;
    private final String staffChat;
    private final ConversationCodec codec = new ConversationCodec();
    private final TakeoverRelay relay;
    private final CaseButtons caseButtons;
    private final DialogCommands commands;
    private final PersonRequests personRequests;
    private final TranscriptLines lines;

    HotlineDialog(DialogFiles files, FlowRunner runner, Prompts prompts, Texts texts, Supplier<PolicyLookup> policies,
            Supplier<CaseDesk> cases, Clock clock, String staffChat, int followUpTurns,
            Consumer<UnansweredQuestion> unanswered) {
        this.runner = runner;
        this.prompts = prompts;
        this.texts = texts;
        this.cases = cases;
        this.clock = clock;
        this.staffChat = staffChat == null || staffChat.isBlank() ? null : staffChat.strip();
        this.relay = new TakeoverRelay(texts);
        PolicyAnswers answers = new PolicyAnswers(policies, followUpTurns, new MissedQuestions(unanswered));
        this.caseButtons = new CaseButtons(policies, answers, cases, runner);
        this.personRequests = new PersonRequests(policies);
        this.commands = new DialogCommands(files, texts);
        this.lines = new TranscriptLines(prompts);
        runner.actions(new DialogActions(answers, cases, files.catalogues()));
    }

    DialogCommands commands() {
        return commands;
    }

    @Override
    public boolean accepts(Address from) {
        return !(TelegramChannel.NAME.equals(from.channel()) && from.chat().equals(staffChat));
    }

    @Override
    public Step handle(Inbound message, String state) {
        if (message.chatKind() == Inbound.ChatKind.GROUP) {
            // a group is nobody's private line: every member would see and rate another's case (F9)
            String language = texts.languageFor(message.sender() == null ? null : message.sender().languageCode());
            return Step.reply(List.of(Outbound.send(message.from(), texts.render("access.private_only", language))));
        }
        Optional<CaseDesk.Takeover> takeover = takeoverOf(message);
        if (takeover.isPresent()) {
            return Step.reply(relay.relay(message, takeover.get(), cases.get()));
        }
        Conversation c = codec.read(state);
        if (c.language == null) {
            c.language = texts.languageFor(message.sender() == null ? null : message.sender().languageCode());
        }
        Turn t = new Turn(message, c, clock.instant(), texts);
        boolean idle = c.lastSeen > 0 && t.now.getEpochSecond() - c.lastSeen > IDLE.toSeconds();
        c.lastSeen = t.now.getEpochSecond();
        if (!runner.valid(c)) {
            runner.home(c);
        }
        c.remember(ConversationLine.From.USER, lines.userLine(t, runner.flow(c), runner.state(c)), t.now);
        if (idle && !runner.atHome(c)) {
            boolean kept = runner.saveDraft(t);
            runner.home(c);
            t.say("timeout.notice");
            if (kept) {
                t.say("timeout.draft_kept");
            }
            if (!message.isCommand()) {
                runner.prompt(t);
                return done(c, t);
            }
        }
        dispatch(t);
        return done(c, t);
    }

    /** The replies first: they add the bot's side to the transcript, which the stored state must include. */
    private Step done(Conversation c, Turn t) {
        List<Outbound> replies = t.replies();
        return Step.of(codec.write(c), replies);
    }

    private void dispatch(Turn t) {
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

    private Optional<CaseDesk.Takeover> takeoverOf(Inbound message) {
        try {
            return cases.get().takeover(new Address(message.from().channel(), message.from().chat(), null));
        } catch (IllegalStateException noCaseDesk) {
            return Optional.empty();
        }
    }


    @Override
    public Step failed(Inbound message, String state, RuntimeException error) {
        Conversation c = codec.read(state);
        String language = c.language != null ? c.language
                : texts.languageFor(message.sender() == null ? null : message.sender().languageCode());
        return Step.reply(List.of(Outbound.send(message.from(), texts.render("error", language))));
    }
}
