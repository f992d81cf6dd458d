package com.teahouse.dialog.internal;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character alphabet
 * (digits and capitals without I, O, Z, S, V); the last one is a check character over the first 17 (weights
 * 3^i mod 31, check = 31 - sum mod 31).
 */
final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** The code in canonical form (upper case, no spaces), or null when it is not a valid code. */
    static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String code = input.replaceAll("[\\s-]", "").toUpperCase();
        if (code.length() != 18) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return null;
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == ALPHABET.charAt(check) ? code : null;
    }
}
