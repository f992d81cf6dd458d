package com.teahouse.staff.internal;

/**
 * Published when an account's sessions must end: logout, password change, disable, role, unit or Telegram link
 * edits. Whatever keeps per-user state open for a console session (live streams, server sessions) listens and
 * closes it, so a revoked user stops seeing case updates at once.
 *
 * @param username the account whose sessions end
 * @param reason   why, for the audit stream (never personal data)
 */
public record AccountRevoked(String username, String reason) {
}
