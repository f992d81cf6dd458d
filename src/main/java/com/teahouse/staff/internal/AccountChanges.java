package com.teahouse.staff.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * What follows every account change once it is stored: an audit entry, and {@link AccountRevoked} so that
 * live console streams of the account close. Server sessions end by themselves at their next request, because
 * the change raised the account's generation ({@link SessionGuard}).
 */
@Component
class AccountChanges {

    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    AccountChanges(AuditLog audit, ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
    }

    void changed(String who, String action, String whom, String detail) {
        audit.record(who, action, whom, detail);
        events.publishEvent(new AccountRevoked(whom, action));
    }

    /** A logout ends that session only (Spring Security invalidates it); the account's live streams close too. */
    @EventListener
    void loggedOut(LogoutSuccessEvent e) {
        if (e.getAuthentication() != null) {
            events.publishEvent(new AccountRevoked(e.getAuthentication().getName(), "logout"));
        }
    }
}
