package com.teahouse.cases;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.Attachment;
import java.util.List;

/**
 * What an entrepreneur submitted. {@code submissionId} makes opening idempotent: the same submission (a replayed
 * message after a crash) opens the same case, never a second one. Contact fields are personal data.
 *
 * @param kind       COMPLAINT from the form, HANDOFF from /human or "did not help"
 * @param category   an id from dialogs/categories.yaml (HANDOFF: may be null → the general desk)
 * @param transcript the conversation up to the handoff, oldest first, one line per message
 */
public record CaseRequest(
        String submissionId,
        Address owner,
        String language,
        Kind kind,
        String category,
        String description,
        List<Attachment> attachments,
        String location,
        String company,
        String creditCode,
        String contactName,
        String phone,
        boolean confidential,
        List<ConversationLine> transcript) {

    public enum Kind { COMPLAINT, HANDOFF }

    public CaseRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }
}
