package com.teahouse.dialog.internal;

import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseSummary;
import com.teahouse.dialog.internal.flow.Catalogues;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code do:} actions the flow files may name: the places where the conversation asks the knowledge module
 * or the case desk, or handles the draft. Each says what happened as an event the flow file routes.
 */
final class DialogActions implements FlowRunner.Actions {

    private static final Logger log = LoggerFactory.getLogger(DialogActions.class);
    static final Pattern TRACKING = Pattern.compile("[A-Z]{2}-\\d{6}-\\d{4,}-[0-9A-Z]");
    static final long DRAFT_SECONDS = 24 * 3600;
    private static final ZoneId HOTLINE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int MAX_LISTED = 10;

    private final PolicyAnswers answers;
    private final Supplier<CaseDesk> cases;
    private final Catalogues catalogues;

    DialogActions(PolicyAnswers answers, Supplier<CaseDesk> cases, Catalogues catalogues) {
        this.answers = answers;
        this.cases = cases;
        this.catalogues = catalogues;
    }

    @Override
    public String run(String action, Turn t) {
        Conversation c = t.conversation;
        return switch (action) {
            case "policy-answer" -> answers.answer(t);
            case "policy-not-helped" -> {
                answers.notHelped(t);
                yield "done";
            }
            case "draft-check" -> draft(t) ? "draft" : "none";
            case "draft-restore" -> restore(t);
            case "draft-discard" -> {
                c.draft = null;
                yield "done";
            }
            case "open-complaint" -> openComplaint(t);
            case "case-status" -> status(t);
            case "handoff" -> handoff(t);
            case "set-language" -> {
                c.language = c.fields.getOrDefault("language", c.language);
                yield "done";
            }
            case "rate-comment" -> rate(t);
            case "not-solved" -> notSolved(t);
            default -> throw new IllegalStateException("no action " + action);
        };
    }

    private boolean draft(Turn t) {
        var draft = t.conversation.draft;
        if (draft == null || t.now.getEpochSecond() - draft.savedAt > DRAFT_SECONDS
                || !draft.flow.equals(t.conversation.flow)) {
            t.conversation.draft = null;
            return false;
        }
        t.extra.put("saved", when(Instant.ofEpochSecond(draft.savedAt)));
        return true;
    }

    /** Puts the draft's answers back and the conversation where the draft stopped (prompted by the runner). */
    private String restore(Turn t) {
        Conversation c = t.conversation;
        var draft = c.draft;
        c.clearForm();
        c.draft = null;
        if (draft == null) {
            return "restored";
        }
        c.fields.putAll(draft.fields);
        c.attachments.addAll(draft.attachments);
        c.back.addAll(draft.back);
        c.at(draft.flow, draft.state);
        return null;
    }

    private String openComplaint(Turn t) {
        Conversation c = t.conversation;
        Map<String, String> f = c.fields;
        Catalogues.Entry district = catalogues.find("districts", f.get("district"));
        var request = new CaseRequest(t.message.id(), t.owner(), t.language(), CaseRequest.Kind.COMPLAINT,
                f.get("category"), f.get("description"), c.attachments,
                district == null ? f.get("district") : district.label("zh"), f.get("company"), f.get("creditCode"),
                f.get("contactName"), f.get("phone"), "yes".equals(f.get("confidential")), c.transcript);
        try {
            CaseSummary opened = cases.get().open(request);
            t.say("complaint.opened", caseParams(t, opened));
            c.clearForm();
            c.draft = null;
            return "opened";
        } catch (RuntimeException e) {
            log.warn("Opening a complaint case failed: {}", e.toString());
            t.say("complaint.open_failed");
            return "failed";
        }
    }

    private String handoff(Turn t) {
        Conversation c = t.conversation;
        answers.handedOff(t);
        var request = new CaseRequest(t.message.id(), t.owner(), t.language(), CaseRequest.Kind.HANDOFF, null,
                c.fields.get("question"), List.of(), null, null, null, null, null, false, c.transcript);
        try {
            t.say("human.opened", caseParams(t, cases.get().open(request)));
        } catch (RuntimeException e) {
            log.warn("Opening a handoff case failed: {}", e.toString());
            t.say("human.failed");
        }
        return "done";
    }

    private String status(Turn t) {
        String wanted = t.argument == null ? null : t.argument.strip().toUpperCase();
        try {
            if (wanted != null && !wanted.isEmpty()) {
                if (!TRACKING.matcher(wanted).matches()) {
                    t.say("status.bad_number");
                } else {
                    cases.get().find(wanted, t.owner()).ifPresentOrElse(
                            found -> t.say("status.line", caseParams(t, found)),
                            () -> t.say("status.unknown", Map.of("tracking", wanted)));
                }
                return "done";
            }
            List<CaseSummary> mine = cases.get().casesOf(t.owner());
            if (mine.isEmpty()) {
                t.say("status.none");
            } else {
                t.say("status.list_head");
                mine.stream().limit(MAX_LISTED).forEach(s -> t.say("status.line", caseParams(t, s)));
            }
        } catch (RuntimeException e) {
            log.warn("Case status lookup failed: {}", e.toString());
            t.say("error");
        }
        return "done";
    }

    private String rate(Turn t) {
        Map<String, String> f = t.conversation.fields;
        try {
            cases.get().rate(f.get("tracking"), t.owner(), CaseDesk.Rating.valueOf(f.get("rating")), f.get("comment"),
                    t.message.id());
        } catch (RuntimeException e) {
            log.warn("Rating comment not recorded: {}", e.toString());
            t.say("rating.failed");
        }
        return "done";
    }

    private String notSolved(Turn t) {
        Map<String, String> f = t.conversation.fields;
        try {
            cases.get().notSolved(f.get("tracking"), t.owner(), f.get("comment"));
            t.say("rating.reopened", Map.of("tracking", f.get("tracking")));
        } catch (RuntimeException e) {
            log.warn("Not-solved not recorded: {}", e.toString());
            t.say("rating.failed");
        }
        return "done";
    }

    private Map<String, Object> caseParams(Turn t, CaseSummary s) {
        Map<String, Object> p = new HashMap<>();
        p.put("tracking", s.trackingNumber());
        p.put("unit", s.unit() == null ? "-" : s.unit());
        p.put("due", s.replyDue() == null ? "-" : when(s.replyDue()));
        p.put("state", t.texts.has("case.state." + s.state()) ? t.label("case.state." + s.state()) : s.state());
        return p;
    }

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(HOTLINE_ZONE));
    }
}
