package com.teahouse.cases;

import java.time.Instant;

/**
 * A case as its owner may see it.
 *
 * @param state    new, dispatched, claimed, replied, closed, returned, reopened, declined (lower case)
 * @param unit     the handling unit's name
 * @param replyDue when the reply is due (working-day deadline)
 */
public record CaseSummary(String trackingNumber, String state, String category, String unit, Instant openedAt,
        Instant replyDue) {
}
