package com.teahouse.staff.internal;

import com.teahouse.staff.StaffRole;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first admin ("admin", also a supervisor) when no admin exists: with {@code teahouse.admin.password}, or
 * a random password printed once to the console on a line of its own, never through the logger (log files
 * are shipped and kept; the console is seen by whoever started the app).
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final String password;

    FirstAdmin(AccountStore accounts, PasswordEncoder encoder, @Value("${teahouse.admin.password:}") String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAdmin()) {
            return;
        }
        boolean generated = password == null || password.isBlank();
        String secret = generated ? random() : password;
        boolean created = accounts.create(new Account("admin", encoder.encode(secret),
                Set.of(StaffRole.ADMIN, StaffRole.SUPERVISOR), null, "Admin", "0000", null));
        if (created && generated) {
            System.out.println();
            System.out.println("Teahouse staff console: first admin is \"admin\", password (shown once): " + secret);
            System.out.println();
        }
    }

    private static String random() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
