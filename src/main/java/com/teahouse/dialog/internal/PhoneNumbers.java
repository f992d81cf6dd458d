package com.teahouse.dialog.internal;

import java.util.regex.Pattern;

/**
 * Mainland China phone numbers as people type them: an 11-digit mobile (optionally +86), or a landline with
 * its area code (0536-1234567, (0536)1234567, 010 12345678, optionally with an extension). Area codes 010 and
 * 02x have three digits, all others four: that settles where the area code ends when people type no dash.
 */
final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86)?(1[3-9]\\d{9})");
    private static final Pattern LANDLINE = Pattern.compile("(?:\\+?86)?(0(?:10|2\\d|[3-9]\\d{2}))(\\d{7,8})(?:(?:转|ext|x|#)(\\d{1,6}))?");

    private PhoneNumbers() {
    }

    /** The number in a canonical form (13800138000, 0536-1234567, 0536-1234567-801), or null when not valid. */
    static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String compact = input.replaceAll("[\\s()（）\\-－.]", "");
        if (compact.length() > 24) {
            return null;
        }
        var mobile = MOBILE.matcher(compact);
        if (mobile.matches()) {
            return mobile.group(1);
        }
        var landline = LANDLINE.matcher(compact.toLowerCase());
        if (landline.matches()) {
            return landline.group(1) + "-" + landline.group(2) + (landline.group(3) == null ? "" : "-"
                    + landline.group(3));
        }
        return null;
    }
}
