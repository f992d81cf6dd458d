package com.teahouse.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CheckCharacterTest {

    @Test
    void formatMatchesTheSpec() {
        String n = TrackingNumbers.format("QY", "260302", 7);
        assertTrue(n.matches("[A-Z]{2}-\\d{6}-\\d{4,}-[0-9A-Z]"), n);
        assertTrue(n.startsWith("QY-260302-0007-"));
        assertTrue(TrackingNumbers.wellFormed(n));
        assertTrue(TrackingNumbers.format("QY", "260302", 123456).matches("QY-260302-123456-[0-9A-Z]"));
    }

    /** Every single wrong digit and every adjacent swap, for every number of a whole day (10,000 numbers). */
    @Test
    void everyErrorOfAWholeDayIsCaught() {
        for (int seq = 0; seq < 10_000; seq++) {
            assertAllErrorsCaught("260302" + String.format("%04d", seq));
        }
    }

    /** Every day of 2026–2027 with random sequences, and longer sequences (5 and 6 digits). */
    @Test
    void everyErrorOnEveryDayAndLongerSequencesIsCaught() {
        Random random = new Random(42);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyMMdd");
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() < 2028; d = d.plusDays(1)) {
            for (int i = 0; i < 20; i++) {
                assertAllErrorsCaught(d.format(f) + String.format("%04d", random.nextInt(10_000)));
                assertAllErrorsCaught(d.format(f) + String.format("%05d", random.nextInt(100_000)));
                assertAllErrorsCaught(d.format(f) + String.format("%06d", random.nextInt(1_000_000)));
            }
        }
    }

    /** The argument, checked for every position of up to 40 digits and every pair of digits. */
    @Test
    void weightsMakeEveryErrorVisible() {
        StringBuilder zeros = new StringBuilder();
        for (int len = 1; len <= 40; len++) {
            zeros.append('0');
            String base = zeros.toString();
            assertAllErrorsCaught(base);
            assertAllErrorsCaught(base.replace('0', '9'));
        }
    }

    @Test
    void aWrongCheckCharacterOrASwapIntoItIsCaught() {
        String digits = "2603020107";
        char c = CheckCharacter.of(digits);
        for (char other : CheckCharacter.ALPHABET.toCharArray()) {
            assertEquals(other == c, CheckCharacter.valid(digits, other));
        }
        for (int seq = 0; seq < 10_000; seq++) {
            String d = "260302" + String.format("%04d", seq);
            char check = CheckCharacter.of(d);
            char last = d.charAt(d.length() - 1);
            if (Character.isDigit(check) && check != last) {
                assertFalse(CheckCharacter.valid(d.substring(0, d.length() - 1) + check, last), d);
            }
        }
        assertFalse(TrackingNumbers.wellFormed("QY-260302-0107-" + (c == '0' ? '1' : '0')));
    }

    private static void assertAllErrorsCaught(String digits) {
        char check = CheckCharacter.of(digits);
        char[] d = digits.toCharArray();
        for (int i = 0; i < d.length; i++) {
            char original = d[i];
            for (char x = '0'; x <= '9'; x++) {
                if (x != original) {
                    d[i] = x;
                    assertFalse(CheckCharacter.valid(new String(d), check), () -> "substitution in " + digits);
                }
            }
            d[i] = original;
            if (i + 1 < d.length && d[i] != d[i + 1]) {
                char[] s = d.clone();
                s[i] = d[i + 1];
                s[i + 1] = d[i];
                assertFalse(CheckCharacter.valid(new String(s), check), () -> "swap in " + digits);
            }
        }
    }
}
