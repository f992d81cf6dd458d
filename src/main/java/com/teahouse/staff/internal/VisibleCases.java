package com.teahouse.staff.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CasePolicy.Decision;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which cases a console caller may see, for the 并单 endpoints: they look at the case in the address and at its
 * candidates and pairs, and both must answer as every console page does (a hidden case is a 404, like an unknown
 * number, so its existence does not leak) and leave out what the caller may not see.
 */
@Component
class VisibleCases {

    private final CaseWork work;
    private final ConsoleAccess access;

    VisibleCases(CaseWork work, ConsoleAccess access) {
        this.work = work;
        this.access = access;
    }

    /** The case if the caller may see it; otherwise a 404, as for an unknown number (403 when seen but refused). */
    CaseRecord visible(CaseCaller who, String t) {
        CaseRecord c = work.get(t).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Decision d = access.policy().decide(who, CasePolicy.Action.SEE, c);
        if (d.hidden()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!d.allowed()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return c;
    }

    /** False for an unknown number too: a candidate that has gone is left out like a hidden one. */
    boolean sees(CaseCaller who, String t) {
        return work.get(t).map(c -> sees(who, c)).orElse(false);
    }

    boolean sees(CaseCaller who, CaseRecord c) {
        return access.policy().decide(who, CasePolicy.Action.SEE, c).allowed();
    }
}
