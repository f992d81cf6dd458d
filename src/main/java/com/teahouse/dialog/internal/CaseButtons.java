package com.teahouse.dialog.internal;

import com.teahouse.cases.CaseDesk;
import com.teahouse.dialog.internal.flow.FlowSpec;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons that come from messages other modules sent and that are valid whatever the conversation is doing:
 * {@code kb:<entry>} (a related policy entry, or one offered as "did you mean"), {@code rate:<tracking>:s|b|u}
 * (satisfaction after a case was resolved) and {@code unsolved:<tracking>}. Returns false for anything else.
 */
final class CaseButtons {

    private static final Logger log = LoggerFactory.getLogger(CaseButtons.class);

    private final Supplier<PolicyLookup> policies;
    private final PolicyAnswers answers;
    private final Supplier<CaseDesk> cases;
    private final FlowRunner runner;

    CaseButtons(Supplier<PolicyLookup> policies, PolicyAnswers answers, Supplier<CaseDesk> cases,
            FlowRunner runner) {
        this.policies = policies;
        this.answers = answers;
        this.cases = cases;
        this.runner = runner;
    }

    boolean handle(Turn t, String data) {
        if (data.startsWith(PolicyAnswers.DETAIL)) {
            policies.get().detail(data.substring(PolicyAnswers.DETAIL.length()), t.language()).ifPresentOrElse(
                    t::say, () -> t.say("ask.entry_unknown"));
            return true;
        }
        if (data.startsWith(PolicyAnswers.ENTRY)) {
            if (answers.pressed(t, data.substring(PolicyAnswers.ENTRY.length()))) {
                runner.fireIfRouted(t, FlowSpec.PICKED);
            }
            return true;
        }
        String[] parts = data.split(":", -1);
        if (parts[0].equals("rate") && parts.length == 3 && DialogActions.TRACKING.matcher(parts[1]).matches()) {
            CaseDesk.Rating rating = switch (parts[2]) {
                case "s" -> CaseDesk.Rating.SATISFIED;
                case "b" -> CaseDesk.Rating.BASICALLY_SATISFIED;
                case "u" -> CaseDesk.Rating.UNSATISFIED;
                default -> null;
            };
            if (rating == null) {
                return false;
            }
            try {
                cases.get().rate(parts[1], t.owner(), rating, null, t.message.id());
            } catch (RuntimeException e) {
                log.warn("Rating not recorded: {}", e.toString());
                t.say("rating.failed");
                return true;
            }
            t.say("rating.thanks");
            runner.start(t, "rating", true);
            t.conversation.fields.putAll(Map.of("tracking", parts[1], "rating", rating.name()));
            return true;
        }
        if (parts[0].equals("unsolved") && parts.length == 2 && DialogActions.TRACKING.matcher(parts[1]).matches()) {
            try {
                cases.get().notSolved(parts[1], t.owner(), null);
                t.say("rating.reopened", Map.of("tracking", parts[1]));
            } catch (RuntimeException e) {
                log.warn("Not-solved not recorded: {}", e.toString());
                t.say("rating.failed");
            }
            return true;
        }
        return false;
    }
}
