package com.teahouse.staff.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a console search is for: a tracking number (or the start of one), a phone number (7–15 digits once
 * spaces, dashes, brackets and a +86 prefix are removed), or words of a description, company or category.
 */
record SearchQuery(Kind kind, String value) {

    enum Kind { TRACKING, PHONE, TEXT }

    static final int MAX_CHARS = 100;
    // a whole number ends in a check character, which may be a letter
    private static final Pattern TRACKING = Pattern.compile("QY-[0-9-]{0,14}[0-9A-Z]?");
    private static final Pattern PHONE = Pattern.compile("[0-9]{7,15}");
    private static final Pattern PHONE_CHARS = Pattern.compile("[+0-9 ()\\-]+");

    /** Null when there is nothing to search for. */
    static SearchQuery parse(String q) {
        String s = q == null ? "" : q.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > MAX_CHARS) {
            s = s.substring(0, MAX_CHARS);
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (TRACKING.matcher(upper).matches()) {
            return new SearchQuery(Kind.TRACKING, upper);
        }
        if (PHONE_CHARS.matcher(s).matches()) {
            String digits = phone(s);
            if (PHONE.matcher(digits).matches()) {
                return new SearchQuery(Kind.PHONE, digits);
            }
        }
        return new SearchQuery(Kind.TEXT, s);
    }

    /** A phone number as it is indexed and searched: digits only, without China's +86. */
    static String phone(String s) {
        String digits = s == null ? "" : s.replaceAll("[^0-9]", "");
        return digits.startsWith("86") && digits.length() == 13 ? digits.substring(2) : digits;
    }

    /** As the audit stream keeps a phone search: never the whole number. */
    String masked() {
        return value.length() <= 7 ? "***" : value.substring(0, 3) + "****" + value.substring(value.length() - 4);
    }
}
