package com.teahouse.staff.internal;

import com.teahouse.cases.CaseRecord;
import com.teahouse.staff.StaffRole;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who is logged in, and what they may see: staff their unit's cases (contact hidden when confidential). */
@Component
class ConsoleAccess {

    private final AccountStore accounts;

    ConsoleAccess(AccountStore accounts) {
        this.accounts = accounts;
    }

    Account me(Principal principal) {
        return accounts.find(principal == null ? null : principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    static boolean supervisor(Account a) {
        return a.has(StaffRole.SUPERVISOR) || a.has(StaffRole.ADMIN);
    }

    static boolean handles(Account a) {
        return supervisor(a) || a.has(StaffRole.STAFF);
    }

    /** Someone else's case is answered like an unknown one. */
    CaseRecord visible(Account a, CaseRecord c) {
        if (supervisor(a)) {
            return c;
        }
        if (!a.has(StaffRole.STAFF) || a.unit() == null || !a.unit().equals(c.unit())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return c.asSeenByUnit();
    }
}
