package com.teahouse.staff;

import java.security.Principal;

/**
 * The staff audit stream ({@code staff:audit}, read by admins at {@code GET /staff/api/audit}), for what other
 * modules must record about a console user: e.g. a supervisor's request for a ledger with personal data.
 */
public interface StaffAudit {

    /** Appends who (the principal's username), what, and a detail that must hold no personal data. */
    void record(Principal who, String action, String detail);
}
