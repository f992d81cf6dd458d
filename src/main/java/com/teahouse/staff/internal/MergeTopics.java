package com.teahouse.staff.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseNoticeTarget;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Attachment;
import com.teahouse.messaging.Outbound;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 并单 in the staff forum: A's topic receives B's description and attachments, B's topic is told where the work
 * went and closed ({@link MergedCaseTopic}; its card, edited by {@link ForumTopics}, loses its buttons); an unmerge
 * is told in A's topic and reopens B's. A notice target: the merge's notice is appended by the merge's own script,
 * so a crash loses none and a redelivery posts nothing twice.
 */
@Component
class MergeTopics implements CaseNoticeTarget {

    private final TelegramStaff staff;
    private final CaseWork work;
    private final CaseCard card;
    private final com.teahouse.texts.Texts texts;
    private final MergedCaseTopic bTopic;

    MergeTopics(TelegramStaff staff, CaseWork work, CaseCard card, com.teahouse.texts.Texts texts,
            MergedCaseTopic bTopic) {
        this.bTopic = bTopic;
        this.staff = staff;
        this.work = work;
        this.card = card;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "merge-topics";
    }

    @Override
    public List<Outbound> notices(CaseEvent event) {
        if (!staff.configured()) {
            return List.of();
        }
        List<Outbound> out = new ArrayList<>();
        if (event instanceof CaseEvent.CaseMerged m) {
            CaseRecord b = work.get(m.trackingNumber()).orElse(null);
            CaseRecord a = work.get(m.into()).orElse(null);
            if (b == null || a == null) {
                return List.of();
            }
            Map<String, Object> p = new HashMap<>();
            p.put("number", b.trackingNumber());
            p.put("into", a.trackingNumber());
            p.put("name", m.by().name());
            p.put("description", b.description() == null ? "-" : b.description());
            if (a.topic() != null) {
                out.add(Outbound.send(a.topic(), texts.render("staff.merge.into", card.language(), p)));
                for (Attachment att : b.attachments()) {
                    out.add(Outbound.file(a.topic(), att, texts.render("staff.merge.into", card.language(), p)));
                }
            }
            out.addAll(bTopic.merged(b, a, m.by().name())); // [merged topic] B's topic: a line with a link, closed
        } else if (event instanceof CaseEvent.CaseUnmerged u) {
            work.get(u.from()).filter(a -> a.topic() != null).ifPresent(a -> out.add(Outbound.send(a.topic(),
                    texts.render("staff.merge.out", card.language(), Map.of("number", u.trackingNumber(),
                            "name", u.by().name())))));
            // [merged topic] B's topic reopened, then told
            work.get(u.trackingNumber()).ifPresent(b -> out.addAll(bTopic.unmerged(b, u.from(), u.by().name())));
        }
        return out;
    }
}
