package com.teahouse.staff.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one password rule, for the console and for {@code TEAHOUSE_ADMIN_PASSWORD}: at least 12 characters, at
 * most 72 bytes of UTF-8 (bcrypt ignores the rest, and the encoder refuses it), not a common password (a
 * deny-list shipped as {@code staff/common-passwords.txt}), not the username, not one character repeated.
 * A refusal is a text key of dialogs/texts/accounts.yaml.
 */
final class PasswordPolicy {

    static final int MIN_CHARACTERS = 12;
    static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    static Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of("account.password.too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("account.password.too-long");
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("account.password.one-character");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of("account.password.username");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("account.password.common");
        }
        return Optional.empty();
    }

    static boolean common(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/staff/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("staff/common-passwords.txt missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
