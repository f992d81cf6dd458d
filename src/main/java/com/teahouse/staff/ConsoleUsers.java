package com.teahouse.staff;

import com.teahouse.cases.CaseCaller;
import java.security.Principal;

/**
 * The logged-in console user, for other modules' staff pages (reports): their case rights, to ask
 * {@link com.teahouse.cases.CasePolicy}, and the audit stream {@code staff:audit} for what must be recorded.
 */
public interface ConsoleUsers {

    /** The account's case rights; {@link CaseCaller#NOBODY} for a principal without an account. */
    CaseCaller caller(Principal principal);

    /** The account's username, for the audit. */
    String username(Principal principal);

    /**
     * Appends to the audit stream: who, what, and a detail that must hold no personal data (a period, a unit).
     */
    void audit(Principal principal, String action, String detail);
}
