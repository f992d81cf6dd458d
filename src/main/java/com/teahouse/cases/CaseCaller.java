package com.teahouse.cases;

import com.teahouse.messaging.Address;

/**
 * Who asks {@link CasePolicy}: a staff member (console or Telegram forum), an owner's private chat, or nobody
 * with case rights. Staff map their roles here once (see the staff module): SUPERVISOR (and the bootstrap
 * Telegram ids) gives {@code supervisor}; STAFF with a unit gives {@code unitStaff}; ADMIN and POLICY_EDITOR
 * alone give neither.
 *
 * @param actor      as the event log records it (the holder check compares its id with the case's claimedBy)
 * @param supervisor acts on every unit's cases
 * @param unitStaff  acts on the cases of {@code unit}
 * @param owner      the private chat of an entrepreneur (null for staff)
 */
public record CaseCaller(Actor actor, boolean supervisor, boolean unitStaff, String unit, Address owner) {

    public static final CaseCaller NOBODY = new CaseCaller(null, false, false, null, null);

    public static CaseCaller staff(Actor actor, boolean supervisor, boolean unitStaff, String unit) {
        return new CaseCaller(actor, supervisor, unitStaff && unit != null && !unit.isBlank(), unit, null);
    }

    /** An entrepreneur: the chat (without thread) that opened cases. */
    public static CaseCaller owner(Address chat) {
        return new CaseCaller(Actor.OWNER, false, false, null, chat == null ? null : Address.of(chat.channel(),
                chat.chat()));
    }

    /** Whether this caller has any case rights as staff (else every staff action is refused outright). */
    public boolean handlesCases() {
        return actor != null && owner == null && (supervisor || unitStaff);
    }

    /** Unit staff of the case's current unit. */
    boolean staffOf(CaseRecord c) {
        return unitStaff && unit.equals(c.unit());
    }

    /**
     * A supervisor acting on a case someone else claimed: the work is done on the holder's behalf, so the
     * holder stays and the transition does not check it.
     */
    public boolean actsOnBehalfOfHolder(CaseRecord c) {
        return supervisor && c.claimedBy() != null && !holds(c);
    }

    boolean holds(CaseRecord c) {
        return actor != null && c.claimedBy() != null && actor.id().equals(c.claimedBy());
    }

    boolean owns(CaseRecord c) {
        return owner != null && c.owner() != null && owner.channel().equals(c.owner().channel())
                && owner.chat().equals(c.owner().chat());
    }
}
