package com.teahouse.cases;

import com.teahouse.messaging.Outbound;
import java.util.List;

/**
 * Someone who is told about case changes that must not be lost (the entrepreneur, the staff forum). Every change
 * to a case appends its events to a notices stream in the same Redis script; a consumer group hands each entry
 * to every target at least once, and posts what the target returns to the outbox together with a delivery
 * marker per entry and target, so a redelivery after a crash posts nothing twice.
 */
public interface CaseNoticeTarget {

    /** A short stable name, part of the delivery marker: "owner", "staff". */
    String name();

    /** What to post for this event (possibly nothing). Reads the case as it is now; must not change it. */
    List<Outbound> notices(CaseEvent event);
}
