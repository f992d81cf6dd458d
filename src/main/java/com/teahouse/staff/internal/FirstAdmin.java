package com.teahouse.staff.internal;

import com.teahouse.staff.StaffRole;
import com.teahouse.store.WhenRedisUp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first admin ("admin", also a supervisor) when no enabled admin exists. With {@code TEAHOUSE_ADMIN_PASSWORD}
 * (refused at start-up, with the reason, unless it follows {@link PasswordPolicy}) the account works at once.
 * Without it a random password goes to an owner-only file, never to a log or stdout (both are shipped and
 * kept), and the console asks for a new password at the first login; the file is deleted after that change.
 * Started while Redis is down, the account is made as soon as Redis answers ({@link WhenRedisUp}).
 */
@Component
class FirstAdmin implements ApplicationRunner, InitializingBean {

    static final String USERNAME = "admin";

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final AdminProperties properties;
    private final WhenRedisUp whenRedisUp;

    FirstAdmin(AccountStore accounts, PasswordEncoder encoder, AdminProperties properties, WhenRedisUp whenRedisUp) {
        this.whenRedisUp = whenRedisUp;
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
    }

    /** Before anything starts serving: a weak configured password stops the application. */
    @Override
    public void afterPropertiesSet() {
        if (configured()) {
            PasswordPolicy.problem(properties.password(), USERNAME).ifPresent(key -> {
                throw new IllegalStateException("TEAHOUSE_ADMIN_PASSWORD (teahouse.admin.password) is refused ("
                        + key + "): use at least " + PasswordPolicy.MIN_CHARACTERS + " characters and at most "
                        + PasswordPolicy.MAX_BYTES + " bytes, not a common password, not the username, not one "
                        + "character repeated.");
            });
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        whenRedisUp.run("the first admin account", this::ensureAdmin);
    }

    void ensureAdmin() {
        if (accounts.anyAdmin()) {
            return;
        }
        String secret = configured() ? properties.password() : random();
        boolean created = accounts.create(new Account(USERNAME, encoder.encode(secret),
                Set.of(StaffRole.ADMIN, StaffRole.SUPERVISOR), null, "Admin", "0000", null), !configured());
        if (created && !configured()) {
            write(secret);
            System.out.println();
            System.out.println("Teahouse staff console: the first admin is \"admin\"; its one-time password is in "
                    + properties.passwordFile().toAbsolutePath() + " (change it at the first login).");
            System.out.println();
        }
    }

    /** The generated password has served its purpose once its account has a password of its own. */
    void passwordChanged(String username) {
        if (USERNAME.equals(username)) {
            try {
                Files.deleteIfExists(properties.passwordFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private boolean configured() {
        return properties.password() != null && !properties.password().isBlank();
    }

    private void write(String secret) {
        try {
            Files.createDirectories(properties.passwordFile().toAbsolutePath().getParent());
            Files.deleteIfExists(properties.passwordFile());
            Files.createFile(properties.passwordFile(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(properties.passwordFile(), secret + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first admin's password file", e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
