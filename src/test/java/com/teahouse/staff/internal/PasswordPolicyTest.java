package com.teahouse.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The password rule as properties: what it refuses, with which reason, and that it never throws. */
class PasswordPolicyTest {

    @Property
    void fewerThanTwelveCharactersAreTooShort(@ForAll @StringLength(max = 11) String password) {
        assertEquals(Optional.of("account.password.too-short"), PasswordPolicy.problem(password, "clerk"));
    }

    @Property
    void moreThan72BytesAreTooLongNeverAnError(@ForAll("longPasswords") String password) {
        assertTrue(password.getBytes(StandardCharsets.UTF_8).length > 72);
        assertEquals(Optional.of("account.password.too-long"), PasswordPolicy.problem(password, "clerk"));
    }

    @Property
    void oneRepeatedCharacterIsRefused(@ForAll @CharRange(from = '!', to = '~') char c,
            @ForAll @IntRange(min = 12, max = 72) int times) {
        assertEquals(Optional.of("account.password.one-character"),
                PasswordPolicy.problem(String.valueOf(c).repeat(times), "clerk"));
    }

    @Property
    void theUsernameInAnyCaseIsRefused(@ForAll("usernames") String username, @ForAll boolean upper) {
        String password = upper ? username.toUpperCase(Locale.ROOT) : username;
        assertEquals(Optional.of("account.password.username"), PasswordPolicy.problem(password, username));
    }

    @Property
    void commonPasswordsAreRefusedInAnyCase(@ForAll("common") String password, @ForAll boolean upper) {
        String tried = upper ? password.toUpperCase(Locale.ROOT) : password;
        assertEquals(Optional.of("account.password.common"), PasswordPolicy.problem(tried, "clerk"));
    }

    @Property
    void otherPasswordsOf12To72BytesAreAccepted(@ForAll("acceptable") String password) {
        assertEquals(Optional.empty(), PasswordPolicy.problem(password, "clerk"));
    }

    @Property
    void anyInputGetsAnAnswer(@ForAll String password, @ForAll String username) {
        PasswordPolicy.problem(password, username);
    }

    @Example
    void theFindingsExamples() {
        assertEquals(Optional.of("account.password.too-short"), PasswordPolicy.problem("aaaaaaaaaa", "weak"));
        assertEquals(Optional.of("account.password.one-character"), PasswordPolicy.problem("aaaaaaaaaaaa", "weak"));
        assertEquals(Optional.of("account.password.too-long"), PasswordPolicy.problem("x1".repeat(50), "weak"));
        assertEquals(Optional.of("account.password.common"), PasswordPolicy.problem("Password1234", "weak"));
        assertEquals(Optional.empty(), PasswordPolicy.problem("茶馆热线的密码很长很安全", "weak"));
        assertEquals(Optional.of("account.password.too-long"), PasswordPolicy.problem("茶".repeat(25), "weak"));
    }

    @Provide
    Arbitrary<String> longPasswords() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('!', '~').ofMinLength(73).ofMaxLength(400),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(25).ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> usernames() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('.', '_', '-').ofMinLength(12)
                .ofMaxLength(64).filter(u -> u.chars().distinct().count() > 1).filter(u -> !PasswordPolicy.common(u));
    }

    @Provide
    Arbitrary<String> common() {
        return Arbitraries.of("123456789012", "qwerty123456", "password1234", "1qaz2wsx3edc", "woaini1314520",
                "administrator", "teahouse1234", "correcthorsebatterystaple");
    }

    @Provide
    Arbitrary<String> acceptable() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('!', '~').ofMinLength(12).ofMaxLength(72),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(12).ofMaxLength(24))
                .filter(p -> p.chars().distinct().count() > 1).filter(p -> !PasswordPolicy.common(p))
                .filter(p -> !p.equalsIgnoreCase("clerk"));
    }
}
