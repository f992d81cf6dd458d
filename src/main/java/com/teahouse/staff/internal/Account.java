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

    /**
     * The account's own id, in Telegram and on the web alike, so a claim made in one can be finished in the other
     * (F21): never the Telegram user id, a personal identifier that would otherwise sit in every case event and
     * log line, and that two accounts could once share. Claims recorded as "tg:&lt;id&gt;" before are renamed
     * at start-up ({@link HolderIds}).
     */
    Actor actor() {
        String shown = number == null || number.isBlank() ? name : name + " (" + number + ")";
        return new Actor(actorId(username), shown);
    }

    static String actorId(String username) {
        return "web:" + username;
    }
}
