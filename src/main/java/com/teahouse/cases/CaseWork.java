package com.teahouse.cases;

import com.teahouse.messaging.Address;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What staff do to cases (the Telegram forum and the web console). Who may do what is decided by
 * {@link CasePolicy}, which every caller asks first: this interface trusts the {@link Actor} it is given. Every change is atomic in Redis, logged as an event and
 * published as a {@link CaseEvent}. {@code opId}, when not null, makes a call idempotent (a replayed message).
 */
public interface CaseWork {

    Optional<CaseRecord> get(String trackingNumber);

    List<CaseHistoryEntry> history(String trackingNumber);

    List<CaseRecord> queue(CaseFilter filter);

    /** Exactly one of two concurrent claims wins; the loser's outcome names the winner. */
    Outcome claim(String trackingNumber, Actor actor, String opId);

    /** Sends the reply to the entrepreneur and asks for a rating. */
    default Outcome resolve(String trackingNumber, Actor actor, String reply, String opId) {
        return resolve(trackingNumber, actor, reply, opId, false);
    }

    /**
     * {@link #resolve(String, Actor, String, String)}; with {@code onBehalfOfHolder} (a supervisor, whom
     * {@link CasePolicy} lets act on a case someone else claimed) the holder stays as it is and is not checked.
     */
    Outcome resolve(String trackingNumber, Actor actor, String reply, String opId, boolean onBehalfOfHolder);

    /** 转办: to another unit, unclaimed again. */
    Outcome transfer(String trackingNumber, Actor actor, String unit, String opId);

    /** 退回: misrouted; waits for a supervisor to re-route it. */
    Outcome giveBack(String trackingNumber, Actor actor, String reason, String opId);

    /** A supervisor routes a case (returned or not) to a unit. */
    Outcome reroute(String trackingNumber, Actor actor, String unit, String opId);

    /**
     * 不予受理 by the holder, with the route the entrepreneur should take instead: refused with
     * {@link Outcome.Problem#NOT_HOLDER} unless the actor holds the case (claimed) when it is written.
     */
    default Outcome decline(String trackingNumber, Actor actor, DeclineRoute route, String reason, String opId) {
        return decline(trackingNumber, actor, route, reason, opId, false);
    }

    /**
     * {@link #decline(String, Actor, DeclineRoute, String, String)}; {@code asSupervisor} (a supervisor, as
     * {@link CasePolicy} decided) may decline a dispatched or claimed case whoever holds it. The state and the
     * holder are checked in the same atomic change as the write.
     */
    Outcome decline(String trackingNumber, Actor actor, DeclineRoute route, String reason, String opId,
            boolean asSupervisor);

    /** Moves the reply deadline; the entrepreneur gets the explanation. */
    Outcome extend(String trackingNumber, Actor actor, int workingDays, String explanation, String opId);

    /** Logs what a staff member said to the entrepreneur while holding the case (the relay). */
    default Outcome said(String trackingNumber, Actor actor, String text, String opId) {
        return said(trackingNumber, actor, text, opId, false);
    }

    /** {@link #said(String, Actor, String, String)}, by a supervisor on a case someone else holds. */
    Outcome said(String trackingNumber, Actor actor, String text, String opId, boolean onBehalfOfHolder);

    /** Internal note: never shown to the entrepreneur. */
    Outcome note(String trackingNumber, Actor actor, String text, String opId);

    /** Logs that a staff member was shown the contact data (never the data itself; the reason, if any). */
    Outcome contactShown(String trackingNumber, Actor actor, String reason, String opId);

    /**
     * Gives the open cases held under a former actor id the new one (F21: a linked account's "tg:&lt;telegram
     * id&gt;" becomes the account's own id); idempotent. Returns how many cases it renamed.
     */
    long renameHolders(java.util.Map<String, String> formerToNew);

    /** Records the staff forum topic of a case. */
    void topicOpened(String trackingNumber, Address topic);

    /** The case whose staff topic this is. */
    Optional<String> caseOfTopic(Address topic);

    /** Where the card message of a case is, to edit it as the case moves. */
    void cardPosted(String trackingNumber, String messageRef);

    Optional<String> cardOf(String trackingNumber);

    /** Unit ids of the catalogue, in order. */
    List<String> units();

    /** A unit's name in a language ("zh", "en"), from the catalogue. */
    String unitName(String unit, String language);

    String categoryName(String category, String language);

    /** Time to the deadline, negative when overdue. */
    default Duration timeLeft(CaseRecord record, java.time.Instant now) {
        return record.due() == null ? Duration.ZERO : Duration.between(now, record.due());
    }

    enum DeclineRoute {
        NONE, COURT, ARBITRATION, PETITION;

        /** A route by name, any case; null when it is not one (bad input, never an exception). */
        public static DeclineRoute parse(String name) {
            if (name == null || name.isBlank()) {
                return NONE;
            }
            for (DeclineRoute r : values()) {
                if (r.name().equalsIgnoreCase(name.strip())) {
                    return r;
                }
            }
            return null;
        }
    }

    /**
     * @param done    whether the change happened
     * @param state   the case's state after the call (unchanged when refused)
     * @param claimer who holds the case, when relevant (the winner of a claim)
     */
    record Outcome(boolean done, Problem problem, CaseState state, String claimer) {

        /**
         * NOT_HOLDER: the change needed the caller to hold the case, and when it was written someone else held
         * it, or nobody; {@link CasePolicy#refusalOf(Outcome)} words it as the policy's own refusal.
         */
        public enum Problem { NONE, UNKNOWN, WRONG_STATE, REPEATED, BAD_INPUT, NOT_HOLDER }

        public static Outcome unknown() {
            return new Outcome(false, Problem.UNKNOWN, null, null);
        }
    }
}
