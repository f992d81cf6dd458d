package com.teahouse.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What staff may read of the entrepreneur's own words, by the rule of {@link CaseRecord#withoutContact()}: never
 * the contact person or phone (those are behind the logged "show contact" step), and for a confidential case
 * neither the company nor its credit code. Those values of the case, and anything shaped like a mobile number or
 * (confidential) a credit code, are replaced by {@value #MASK} wherever the entrepreneur typed them: in the
 * description, the transcript, the words said during a takeover, a rating comment or a "not solved" note. One
 * rule, so the console, the search, the forum and the event stream show the same masked words.
 */
final class ContactMask {

    static final String MASK = "***";

    /** A mainland mobile number, with or without spaces or dashes between its digits, and an optional +86. */
    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d){8}");
    /** A unified social credit code: 18 characters of digits and the capitals it uses. */
    private static final Pattern CREDIT_CODE = Pattern.compile("(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])");

    private ContactMask() {
    }

    static String masked(CaseRecord c, String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<String> values = new ArrayList<>();
        add(values, c.contactName());
        add(values, c.phone());
        if (c.confidential()) {
            add(values, c.company());
            add(values, c.creditCode());
        }
        values.sort(Comparator.comparingInt(String::length).reversed()); // a company name before a part of it
        String out = text;
        for (String v : values) {
            out = out.replace(v, MASK);
        }
        out = MOBILE.matcher(out).replaceAll(MASK);
        return c.confidential() ? CREDIT_CODE.matcher(out).replaceAll(MASK) : out;
    }

    private static void add(List<String> values, String v) {
        if (v != null && !v.isBlank() && v.strip().length() > 1) {
            values.add(v.strip());
        }
    }
}
