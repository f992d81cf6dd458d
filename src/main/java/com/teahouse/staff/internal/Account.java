package com.teahouse.staff.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseCaller;
import com.teahouse.staff.StaffRole;
import java.util.Set;

/**
 * A staff account. {@code number} is the staff number shown to entrepreneurs; {@code telegramId} links the
 * account's Telegram user, who then acts in the forum with the account's name and roles.
 */
record Account(String username, String passwordHash, Set<StaffRole> roles, String unit, String name, String number,
        String telegramId) {

    boolean has(StaffRole role) {
        return roles.contains(role);
    }

    /**
     * What the account may do with cases ({@link com.teahouse.cases.CasePolicy}): SUPERVISOR acts on every unit, STAFF on its own
     * unit's cases; ADMIN without SUPERVISOR, and POLICY_EDITOR, have no case rights.
     */
    CaseCaller caller() {
        return CaseCaller.staff(actor(), has(StaffRole.SUPERVISOR), has(StaffRole.STAFF), unit);
    }

    /** One identity in Telegram and on the web when linked, so a claim made in one can be finished in the other. */
    Actor actor() {
        String shown = number == null || number.isBlank() ? name : name + " (" + number + ")";
        return new Actor(telegramId != null && !telegramId.isBlank() ? "tg:" + telegramId : "web:" + username, shown);
    }
}
