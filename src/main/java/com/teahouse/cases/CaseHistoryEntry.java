package com.teahouse.cases;

import java.time.Instant;

/**
 * One entry of a case's event log ({@code case:<tracking>:events}, never trimmed).
 *
 * @param type what happened: open, dispatch, claim, resolve, transfer, return, reroute, note, supervise, remind,
 *             extend, rate, reopen, close, decline, topic
 * @param from the state before; {@code to} the state after (equal when the state did not change)
 */
public record CaseHistoryEntry(String id, String type, String who, String whoName, Instant at, String from,
        String to, String note) {
}
