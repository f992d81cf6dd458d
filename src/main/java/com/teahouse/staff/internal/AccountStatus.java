package com.teahouse.staff.internal;

/**
 * What an account may do right now, apart from its roles.
 *
 * @param disabled   refused at login, its sessions end, its Telegram link acts no more
 * @param mustChange the password was generated: the console opens only the own-password page until it is changed
 * @param generation grows with every change to the account; a session made under an older one is ended
 */
record AccountStatus(boolean disabled, boolean mustChange, long generation) {
}
