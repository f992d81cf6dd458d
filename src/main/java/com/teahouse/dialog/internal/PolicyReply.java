package com.teahouse.dialog.internal;

import com.teahouse.messaging.RichText;
import java.util.List;

/**
 * What the knowledge module said, as the conversation shows it.
 *
 * @param answered      whether it is sure enough to call this an answer
 * @param answer        the chat-formatted answer with its citations (may be null when not answered)
 * @param related       up to two related entries, offered as buttons
 * @param topEntry      the id of the best entry, if any (kept in the transcript for staff)
 * @param offered       when not answered: up to three plausible entries ("did you mean"), else empty
 * @param asksForPerson the question was a request for a person: hand off, never answer
 */
public record PolicyReply(boolean answered, RichText answer, List<Related> related, String topEntry,
        List<Related> offered, boolean asksForPerson) {

    /** An entry offered as a button; its id goes into the button data {@code kb:<id>} (≤ 61 bytes). */
    public record Related(String id, String title) {
    }

    public PolicyReply {
        related = related == null ? List.of() : List.copyOf(related.subList(0, Math.min(2, related.size())));
        offered = offered == null || answered ? List.of()
                : List.copyOf(offered.subList(0, Math.min(3, offered.size())));
    }

    public PolicyReply(boolean answered, RichText answer, List<Related> related, String topEntry) {
        this(answered, answer, related, topEntry, List.of(), false);
    }

    public static PolicyReply unanswered() {
        return new PolicyReply(false, null, List.of(), null);
    }
}
