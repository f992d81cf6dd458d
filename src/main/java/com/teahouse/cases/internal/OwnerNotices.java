package com.teahouse.cases.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseNoticeTarget;
import com.teahouse.cases.CaseRecord;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells the entrepreneur what happened to their case, proactively (through the outbox): taken by a person, the reply with rating buttons ({@code rate:<tracking>:s|b|u}, handled by the
 * dialog engine), closed, reopened, extended with the reason, declined with the right route, handed back.
 * "Received, with its number" is the dialog's own reply to the submission (see {@code CaseDesk#open}).
 * A notice target: {@link CaseNotices} delivers each change once, even across a crash.
 */
@Component
class OwnerNotices implements CaseNoticeTarget {

    private final CaseStore store;
    private final Catalogue catalogue;
    private final Texts texts;
    private final CasesProperties props;

    OwnerNotices(CaseStore store, Catalogue catalogue, Texts texts, CasesProperties props) {
        this.store = store;
        this.catalogue = catalogue;
        this.texts = texts;
        this.props = props;
    }

    @Override
    public String name() {
        return "owner";
    }

    @Override
    public List<Outbound> notices(CaseEvent event) {
        CaseRecord c = store.get(event.trackingNumber()).orElse(null);
        if (c == null) {
            return List.of();
        }
        String lang = texts.languageFor(c.language());
        Map<String, Object> p = new java.util.HashMap<>(Map.of("number", c.trackingNumber()));
        List<Outbound> out = new ArrayList<>();
        if (event instanceof CaseEvent.CaseDispatched d && d.first()) {
            // no "received" notice: the conversation that opened the case shows its number in the reply it
            // commits once CaseDesk.open returned, so a second notice would tell it twice
            return List.of();
        } else if (event instanceof CaseEvent.CaseDispatched || event instanceof CaseEvent.CaseReturned) {
            out.add(send(c, "case.handedBack", lang, p));
        } else if (event instanceof CaseEvent.CaseClaimed cl) {
            p.put("name", cl.by().name());
            out.add(send(c, "case.claimed", lang, p));
        } else if (event instanceof CaseEvent.CaseResolved r) {
            p.put("reply", r.reply());
            out.add(send(c, "case.reply", lang, p));
            p.put("days", props.rateDays());
            String t = c.trackingNumber();
            out.add(Outbound.send(c.owner(), texts.render("case.rate.ask", lang, p), List.of(List.of(
                    Button.action(texts.plain("case.rate.s", lang), "rate:" + t + ":s"),
                    Button.action(texts.plain("case.rate.b", lang), "rate:" + t + ":b"),
                    Button.action(texts.plain("case.rate.u", lang), "rate:" + t + ":u")))));
        } else if (event instanceof CaseEvent.CaseClosed cl) {
            out.add(send(c, "rated".equals(cl.why()) ? "case.closed.rated" : "case.closed.unrated", lang, p));
        } else if (event instanceof CaseEvent.CaseReopened) {
            p.put("due", when(c.replyDue()));
            out.add(send(c, "case.reopened", lang, p));
        } else if (event instanceof CaseEvent.DeadlineExtended x) {
            p.put("due", when(c.replyDue()));
            p.put("explanation", x.explanation());
            out.add(send(c, "case.extended", lang, p));
        } else if (event instanceof CaseEvent.CaseDeclined d) {
            p.put("reason", d.reason() == null ? "" : d.reason());
            RichText text = RichText.builder().append(texts.render("case.declined", lang, p)).text("\n")
                    .append(texts.render("case.route." + d.route().name(), lang)).build();
            out.add(Outbound.send(c.owner(), text));
        }
        return out;
    }

    private Outbound send(CaseRecord c, String key, String lang, Map<String, Object> params) {
        return Outbound.send(c.owner(), texts.render(key, lang, params));
    }

    private String when(Instant instant) {
        return instant == null ? "-" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(props.zone())
                .format(instant);
    }
}
