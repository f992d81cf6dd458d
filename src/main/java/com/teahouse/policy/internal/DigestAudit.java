package com.teahouse.policy.internal;

import java.security.Principal;

import org.springframework.stereotype.Component;

import com.teahouse.knowledge.DigestStore;
import com.teahouse.staff.StaffAudit;

/**
 * Puts every change that reached the published digest (publish, withdrawal, rollback, synonyms) in the staff audit
 * stream beside the console's other actions, so an admin sees who changed what the bot answers in one place; the
 * digest's own history keeps the text and the note. Refused changes changed nothing and are not recorded.
 */
@Component
class DigestAudit {

    private final StaffAudit audit;

    DigestAudit(StaffAudit audit) {
        this.audit = audit;
    }

    /** Records {@code action} on {@code path} when the outcome is a new version, and passes the outcome on. */
    DigestStore.Outcome record(Principal who, String action, String path, DigestStore.Outcome outcome) {
        if (outcome instanceof DigestStore.Outcome.Published p) {
            audit.record(who, action, path + " v" + p.version());
        }
        return outcome;
    }
}
