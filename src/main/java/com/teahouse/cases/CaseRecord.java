package com.teahouse.cases;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.Attachment;
import java.time.Instant;
import java.util.List;

/**
 * Everything stored about a case, for staff. Contact fields are personal data: never log them; show a case
 * through {@link #withoutContact()} and contact data only where {@link CasePolicy} allows SEE_CONTACT.
 *
 * @param unit       handling unit id from the catalogue
 * @param due        the deadline that matters now: to claim while dispatched, to reply while being handled,
 *                   to rate after a reply
 * @param topic      the staff forum topic, once opened
 * @param claimedBy  actor id of the staff member who owns it (null while unclaimed)
 * @param supervised under supervision (督办) after a missed deadline
 */
public record CaseRecord(
        String trackingNumber, CaseState state, CaseRequest.Kind kind, String category, String unit,
        String description, List<Attachment> attachments, String location, String company, String creditCode,
        String contactName, String phone, boolean confidential, String language, Address owner,
        List<ConversationLine> transcript, Instant openedAt, Instant claimDue, Instant replyDue, Instant due, Address topic,
        String claimedBy, String claimedByName, boolean supervised, String resolution, String rating,
        String declineRoute) {

    public CaseRecord {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /**
     * The case without its contact person and phone, and for a confidential case without company and credit
     * code either: what {@link CasePolicy#seen} shows; contact data only through the logged "show contact" step.
     * The entrepreneur's own words (description, transcript) are {@link #masked} too: a value typed before the
     * form asked for it, or into another answer, is not left behind in them.
     */
    public CaseRecord withoutContact() {
        List<ConversationLine> lines = transcript.stream()
                .map(l -> new ConversationLine(l.from(), masked(l.text()), l.at())).toList();
        return new CaseRecord(trackingNumber, state, kind, category, unit, masked(description), attachments,
                location, confidential ? null : company, confidential ? null : creditCode, null, null, confidential,
                language, owner, lines, openedAt, claimDue, replyDue, due, topic, claimedBy, claimedByName,
                supervised, resolution, rating, declineRoute);
    }

    /**
     * The entrepreneur's words as staff may read them: this case's contact person and phone, any mobile number,
     * and for a confidential case its company and credit code, replaced by {@code ***} ({@link ContactMask}).
     */
    public String masked(String text) {
        return ContactMask.masked(this, text);
    }

    public boolean overdue(Instant now) {
        return due != null && !state.ended() && now.isAfter(due);
    }

    public CaseSummary summary() {
        return new CaseSummary(trackingNumber, state.id(), category, unit, openedAt, replyDue);
    }
}
