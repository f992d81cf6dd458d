package com.teahouse.staff.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseNoticeTarget;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.OutboundDelivered;
import com.teahouse.messaging.Outbox;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the staff forum in step with the cases: a topic per new case (OPEN_THREAD, then the card once Telegram
 * said which thread it is), the card edited as the case moves, and a line in the topic for what happened
 * (whoever did it: Telegram or the web console). Breaches are also announced in the forum's general topic,
 * where supervisors follow them. A notice target: the cases module delivers each change once, even across a
 * crash; only the replies to the topic's own posts (which thread, which card) come from this instance's outbox.
 */
@Component
class ForumTopics implements CaseNoticeTarget {

    private static final String TOPIC = "case-topic:";
    private static final String CARD = "case-card:";

    private final TelegramStaff staff;
    private final CaseWork work;
    private final CaseCard card;
    private final Texts texts;
    private final Outbox outbox;
    private final MergedCaseTopic mergedTopic;

    ForumTopics(TelegramStaff staff, CaseWork work, CaseCard card, Texts texts, Outbox outbox,
            MergedCaseTopic mergedTopic) {
        this.mergedTopic = mergedTopic;
        this.staff = staff;
        this.work = work;
        this.card = card;
        this.texts = texts;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "staff";
    }

    @Override
    public List<Outbound> notices(CaseEvent event) {
        if (!staff.configured()) {
            return List.of();
        }
        CaseRecord c = work.get(event.trackingNumber()).orElse(null);
        if (c == null) {
            return List.of();
        }
        if (event instanceof CaseEvent.CaseDispatched d && d.first() && c.topic() == null) {
            return List.of(Outbound.openThread(staff.chat(), card.title(c), TOPIC + c.trackingNumber()));
        }
        List<Outbound> out = new ArrayList<>();
        String lang = card.language();
        Map<String, Object> p = new HashMap<>();
        p.put("number", c.trackingNumber());
        p.put("due", card.when(c.due()));
        RichText line = null;
        if (event instanceof CaseEvent.CaseClaimed cl) {
            p.put("name", cl.by().name());
            line = texts.render("staff.claimed", lang, p);
        } else if (event instanceof CaseEvent.CaseResolved r) {
            p.put("name", r.by().name());
            p.put("reply", r.reply());
            line = texts.render("staff.resolved", lang, p);
        } else if (event instanceof CaseEvent.CaseDispatched d) {
            p.put("unit", work.unitName(d.unit(), lang));
            line = texts.render("staff.transferred", lang, p);
        } else if (event instanceof CaseEvent.CaseReturned r) {
            p.put("name", r.by().name());
            p.put("reason", r.reason() == null ? "" : r.reason());
            line = texts.render("staff.returned", lang, p);
        } else if (event instanceof CaseEvent.CaseRated r) {
            p.put("rating", texts.plain("case.rate." + r.rating().name().substring(0, 1).toLowerCase()
                    .replace("u", "u"), lang));
            line = texts.render("staff.rated", lang, p);
        } else if (event instanceof CaseEvent.CaseReopened r) {
            p.put("reason", r.reason() == null ? "" : r.reason());
            line = texts.render("staff.reopened", lang, p);
        } else if (event instanceof CaseEvent.CaseClosed) {
            line = texts.render("staff.closed", lang, p);
        } else if (event instanceof CaseEvent.DeadlineApproaching a) {
            line = texts.render("staff.remind." + a.which(), lang, p);
        } else if (event instanceof CaseEvent.CaseUnderSupervision s) {
            p.put("which", texts.plain("staff.which." + s.which(), lang));
            line = texts.render("staff.supervision", lang, p);
            out.add(Outbound.send(staff.chat(), line));
        }
        if (c.topic() != null) {
            if (line != null && mergedTopic.open(c)) { // [merged topic] nothing into a merged case's closed topic
                out.add(Outbound.send(c.topic(), line));
            }
            if (changesCard(event)) {
                work.cardOf(c.trackingNumber()).ifPresent(ref -> out.add(Outbound.edit(c.topic(), ref,
                        card.text(c), card.buttons(c))));
            }
        }
        return out;
    }

    /**
     * Telegram refuses an edit that changes nothing (400 "message is not modified"), so the card is edited only
     * after events that move what it shows. Notes, relayed words and reminders leave it as it is; a rating is
     * always followed by the closing, which edits it once.
     */
    private static boolean changesCard(CaseEvent event) {
        return !(event instanceof CaseEvent.CaseNoted || event instanceof CaseEvent.DeadlineApproaching
                || event instanceof CaseEvent.CaseRated || event instanceof CaseEvent.StaffSaid);
    }

    @EventListener
    void on(OutboundDelivered delivered) {
        String correlation = delivered.correlation();
        if (correlation.startsWith(TOPIC) && delivered.ref() != null) {
            String t = correlation.substring(TOPIC.length());
            Address topic = staff.chat().inThread(delivered.ref());
            if (topic.equals(work.get(t).map(CaseRecord::topic).orElse(null)) && work.cardOf(t).isPresent()) {
                return; // the opening repeated after a crash found its topic (TopicOpenings): the card is there
            }
            work.topicOpened(t, topic);
            work.get(t).ifPresent(c -> outbox.post(List.of(Outbound.send(topic, card.text(c), card.buttons(c))
                    .correlated(CARD + t))));
        } else if (correlation.startsWith(CARD) && delivered.ref() != null) {
            work.cardPosted(correlation.substring(CARD.length()), delivered.ref());
        }
    }
}
