package com.teahouse.staff.internal;

import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CaseRecord;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Outbound;
import com.teahouse.texts.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 并单 and case B's own forum topic: when B is merged into A, B's topic gets a last line with a link to A's topic
 * and is closed, so nobody handles B there; an unmerge reopens it first, then says so in it. While B is merged (its
 * {@code mergedInto} is set, through A's resolution and B's rating too) the topic stays closed, and
 * {@link ForumTopics} posts nothing more into it (Telegram would refuse with TOPIC_CLOSED); the card, already in
 * the topic, is still edited.
 *
 * <p>Called by whoever tells the forum of a merge ({@link MergeTopics} today): the caller adds what
 * {@link #merged} and {@link #unmerged} return after its own posts, in the same outbox write.
 */
@Component
class MergedCaseTopic {

    private final TelegramStaff staff;
    private final CaseMerging merging;
    private final CaseCard card;
    private final Texts texts;

    MergedCaseTopic(TelegramStaff staff, CaseMerging merging, CaseCard card, Texts texts) {
        this.staff = staff;
        this.merging = merging;
        this.card = card;
        this.texts = texts;
    }

    /** B was merged into A: B's topic is told where the work went (with a link to A's topic), then closed. */
    List<Outbound> merged(CaseRecord b, CaseRecord a, String byName) {
        if (b.topic() == null || b.topic().thread() == null) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("number", b.trackingNumber());
        p.put("into", a.trackingNumber());
        p.put("name", byName);
        String link = a.topic() == null ? null : link(a.topic());
        if (link != null) {
            p.put("link", link);
        }
        List<Outbound> out = new ArrayList<>();
        out.add(Outbound.send(b.topic(), texts.render(link == null ? "staff.merge.closed" : "staff.merge.closed.link",
                card.language(), p)));
        out.add(Outbound.closeThread(b.topic()));
        return out;
    }

    /** B left A's group: its topic is reopened, then told that the case is handled there again. */
    List<Outbound> unmerged(CaseRecord b, String from, String byName) {
        if (b.topic() == null || b.topic().thread() == null) {
            return List.of();
        }
        return List.of(Outbound.reopenThread(b.topic()), Outbound.send(b.topic(), texts.render(
                "staff.merge.reopened", card.language(), Map.of("number", b.trackingNumber(), "from", from,
                        "name", byName))));
    }

    /** Whether the case's topic takes posts: not while the case is merged into another (its topic is closed). */
    boolean open(CaseRecord c) {
        return merging.mergedInto(c.trackingNumber()).isEmpty();
    }

    /**
     * A link to a topic of the staff forum, as Telegram writes it for a private supergroup
     * ({@code https://t.me/c/<id without -100>/<thread>}); null for a chat that is not such a supergroup.
     */
    static String link(Address topic) {
        String chat = topic.chat();
        if (topic.thread() == null || !chat.startsWith("-100") || chat.length() <= 4
                || !chat.substring(4).chars().allMatch(Character::isDigit)
                || !topic.thread().chars().allMatch(Character::isDigit)) {
            return null;
        }
        return "https://t.me/c/" + chat.substring(4) + "/" + topic.thread();
    }
}
