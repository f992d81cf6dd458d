package com.teahouse.staff.internal;

import com.teahouse.staff.StaffAudit;
import java.security.Principal;
import org.springframework.stereotype.Component;

/** {@link StaffAudit} on the accounts' own audit stream. */
@Component
class AuditedRequests implements StaffAudit {

    private final AuditLog audit;

    AuditedRequests(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void record(Principal who, String action, String detail) {
        audit.record(who == null ? "" : who.getName(), action, "", detail);
    }
}
