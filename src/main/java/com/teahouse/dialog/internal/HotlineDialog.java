package com.teahouse.dialog.internal;

import com.teahouse.cases.ConversationLine;
import com.teahouse.cases.CaseDesk;
import com.teahouse.channel.telegram.TelegramChannel;
import com.teahouse.dialog.UnansweredQuestion;
import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.messaging.Address;
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
 * comes before any flow (a group, a staff takeover, the idle timeout), hands the message to {@link TurnDispatch}
 * (commands, buttons, stickers, edits, input to the flows), and returns the new state with one reply. Every chat except the staff group; in any other group
 * it only asks to be written to privately, and keeps no state there.
 */
@Order(100)
final class HotlineDialog implements MessageHandler {

    static final Duration IDLE = Duration.ofMinutes(30);

    private final FlowRunner runner;
    private final Texts texts;
    private final Supplier<CaseDesk> cases;
    private final Clock clock;
    private final String staffChat;
    private final ConversationCodec codec = new ConversationCodec();
    private final TakeoverRelay relay;
    private final DialogCommands commands;
    private final TurnDispatch turns;
    private final TranscriptLines lines;

    HotlineDialog(DialogFiles files, FlowRunner runner, Prompts prompts, Texts texts, Supplier<PolicyLookup> policies,
            Supplier<CaseDesk> cases, Clock clock, String staffChat, int followUpTurns,
            Consumer<UnansweredQuestion> unanswered) {
        this.runner = runner;
        this.texts = texts;
        this.cases = cases;
        this.clock = clock;
        this.staffChat = staffChat == null || staffChat.isBlank() ? null : staffChat.strip();
        this.relay = new TakeoverRelay(texts);
        PolicyAnswers answers = new PolicyAnswers(policies, followUpTurns, new MissedQuestions(unanswered));
        this.commands = new DialogCommands(files, texts);
        this.turns = new TurnDispatch(runner, prompts, new CaseButtons(policies, answers, cases, runner), commands,
                new PersonRequests(policies));
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
        turns.dispatch(t);
        return done(c, t);
    }

    /** The replies first: they add the bot's side to the transcript, which the stored state must include. */
    private Step done(Conversation c, Turn t) {
        List<Outbound> replies = t.replies();
        return Step.of(codec.write(c), replies);
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
