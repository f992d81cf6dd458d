package com.teahouse.staff.internal;

import java.util.regex.Pattern;

/**
 * The one rule for account names, applied before anything else looks at a name (login included), so that no
 * oversized or odd name ever reaches Redis as part of a key.
 */
final class Usernames {

    static final int MAX = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{2," + MAX + "}");

    private Usernames() {
    }

    static boolean valid(String username) {
        return username != null && username.length() <= MAX && NAME.matcher(username).matches();
    }
}
