package com.teahouse.policy.internal;

import java.util.regex.Pattern;

/**
 * Takes out of a question what could name a person or a company before it is kept: phone numbers, ID card
 * numbers, unified social credit codes, e-mail addresses, and any other long number. The policy office needs the
 * question, not who asked it. Full-width digits and letters are folded first (１３８… is a phone number too). A run of
 * seven or more digits, with or without spaces, dashes, dots or a leading +, is never legitimate in a policy
 * question (article numbers, years and amounts are shorter), so it goes whole; a token of 15 to 20 letters and
 * digits with at least six digits is taken for a code. Each becomes {@link #MASK}.
 */
final class QuestionScrubber {

    static final String MASK = "***";

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    /** Digits with separators between them, at least seven digits in all; a trailing X ends an ID number. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d(?:[\\s\\-.()（）]{0,2}\\d){6,}[Xx]?");
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z0-9]{15,20}(?![A-Za-z0-9])");

    private QuestionScrubber() {
    }

    static String scrub(String text) {
        if (text == null) {
            return "";
        }
        String s = foldWidth(text);
        s = EMAIL.matcher(s).replaceAll(MASK);
        s = CODE.matcher(s).replaceAll(m -> digits(m.group()) >= 6 ? MASK : m.group());
        s = LONG_NUMBER.matcher(s).replaceAll(MASK);
        return s.strip();
    }

    /** Full-width digits and Latin letters as ASCII; everything else (full-width punctuation too) as typed. */
    static String foldWidth(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(c >= 0xFF10 && c <= 0xFF5A && Character.isLetterOrDigit(c)
                ? c - 0xFEE0 : c));
        return b.toString();
    }

    private static long digits(String s) {
        return s.chars().filter(c -> c >= '0' && c <= '9').count();
    }
}
