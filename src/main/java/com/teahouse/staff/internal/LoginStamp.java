package com.teahouse.staff.internal;

import java.io.Serializable;

/**
 * Kept with a console login in its session: the account's generation when the password was checked. A later
 * change to the account (password, roles, unit, disable, Telegram link) raises the generation and ends the
 * session at its next request ({@link SessionGuard}), on every instance.
 */
record LoginStamp(long generation) implements Serializable {
}
