package com.teahouse.cases;

import com.teahouse.messaging.Address;
import java.util.List;
import java.util.Optional;

/** What the conversation needs from cases. An owner is the chat a case came from; nobody else sees it here. */
public interface CaseDesk {

    /** Stores the case durably, then returns it; the same submissionId returns the same case. */
    CaseSummary open(CaseRequest request);

    /** The owner's cases, newest first. */
    List<CaseSummary> casesOf(Address owner);

    /** One case, only if that chat owns it: someone else's number looks exactly like an unknown one. */
    Optional<CaseSummary> find(String trackingNumber, Address owner);

    /** While staff have taken a chat over, where its messages are relayed (the case's staff topic). */
    default Optional<Address> takeoverOf(Address owner) {
        return takeover(owner).map(Takeover::topic);
    }

    /** While staff have taken a chat over: the case they hold and its staff topic, where the chat is relayed. */
    Optional<Takeover> takeover(Address owner);

    /**
     * Keeps what the entrepreneur said during a takeover in the case's conversation, once per {@code opId} (the
     * message's id), and returns it as the handling unit may see it, which is also what the topic is to be shown:
     * for a confidential case, the complainant's company, credit code, name and phone are masked. Nothing is kept
     * when the chat does not own the case or the case is no longer held.
     */
    String ownerSaid(Takeover takeover, Address owner, String text, String opId);

    /** A chat taken over by staff: the case held and the topic its messages go to. */
    record Takeover(String trackingNumber, Address topic) {
    }

    /** The entrepreneur's satisfaction rating after a reply; UNSATISFIED reopens the case. */
    default void rate(String trackingNumber, Address owner, Rating rating, String comment) {
        rate(trackingNumber, owner, rating, comment, null);
    }

    /**
     * {@link #rate(String, Address, Rating, String)}, idempotent on {@code opId} (the id of the message that
     * carried it): a message replayed after a crash records its comment once.
     */
    void rate(String trackingNumber, Address owner, Rating rating, String comment, String opId);

    /** The entrepreneur says the problem is not solved: reopens the case for the same owner. */
    void notSolved(String trackingNumber, Address owner, String note);

    enum Rating { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED }
}
