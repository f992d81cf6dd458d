package com.teahouse.cases.internal;

/**
 * The check character of a tracking number: a weighted sum modulo 31 over the digits of date and sequence.
 *
 * <p>Why this scheme: 31 is prime and larger than any difference of two digits, so with weights that are
 * non-zero modulo 31 a single wrong digit always changes the sum ({@code w·(a−b) ≢ 0}), and with adjacent
 * weights that differ modulo 31 every swap of two neighbouring different digits changes it too
 * ({@code (wᵢ−wᵢ₊₁)·(a−b) ≢ 0}). The check character carries weight 1, the digit to its left 2, and so on
 * ({@code w = (k mod 30) + 1} for position k counted from the right), so any length of sequence works. A modulus
 * of 37 would need a 37th symbol; 31 fits in one character from a 31-symbol alphabet of digits and letters
 * that are hard to mishear or misread (no I, O, Q, S, Z). The prefix letters are not covered: they are fixed
 * per deployment.
 */
final class CheckCharacter {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPRTUVWXY";
    private static final int MOD = 31;

    private CheckCharacter() {
    }

    /** The check character for a run of digits (date and sequence, without separators). */
    static char of(String digits) {
        int sum = 0;
        int k = 1;
        for (int i = digits.length() - 1; i >= 0; i--, k++) {
            sum = (sum + weight(k) * digit(digits.charAt(i))) % MOD;
        }
        return ALPHABET.charAt((MOD - sum) % MOD);
    }

    static boolean valid(String digits, char check) {
        return of(digits) == Character.toUpperCase(check);
    }

    private static int weight(int k) {
        return (k % (MOD - 1)) + 1;
    }

    private static int digit(char c) {
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a digit");
        }
        return c - '0';
    }
}
