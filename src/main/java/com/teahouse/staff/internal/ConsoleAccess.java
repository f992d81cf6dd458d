package com.teahouse.staff.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CasePolicy.Action;
import com.teahouse.cases.CasePolicy.Decision;
import com.teahouse.cases.CasePolicy.Input;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork.Outcome;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is logged in, and {@link CasePolicy}'s answer in HTTP terms: a hidden case is a 404 like an unknown one,
 * a refusal a 403 (400 when it is about the input) with the polite message as JSON.
 */
@Component
class ConsoleAccess {

    private final AccountStore accounts;
    private final CasePolicy policy;
    private final Refusals refusals;

    ConsoleAccess(AccountStore accounts, CasePolicy policy, Refusals refusals) {
        this.accounts = accounts;
        this.policy = policy;
        this.refusals = refusals;
    }

    Account me(Principal principal) {
        return accounts.find(principal == null ? null : principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    CasePolicy policy() {
        return policy;
    }

    /** Null when allowed; otherwise the HTTP answer that refuses it. */
    ResponseEntity<Map<String, Object>> refusal(CaseCaller who, Action action, CaseRecord c, Input in) {
        Decision d = policy.decide(who, action, c, in);
        if (d.allowed()) {
            return null;
        }
        if (d.hidden()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return refused(Refusals.aboutInput(d) ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN,
                refusals.of(d).plainText());
    }

    /**
     * Null unless the change was refused atomically because the caller no longer holds the case: then the same
     * 403 and words as the policy's refusal of a non-holder ({@link CasePolicy#refusalOf}).
     */
    ResponseEntity<Map<String, Object>> refusal(Outcome o) {
        Decision d = policy.refusalOf(o);
        return d == null ? null : refused(HttpStatus.FORBIDDEN, refusals.of(d).plainText());
    }

    ResponseEntity<Map<String, Object>> refused(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("done", false, "problem", "REFUSED", "message", message));
    }

    String message(String key) {
        return refusals.of(key, Map.of()).plainText();
    }
}
