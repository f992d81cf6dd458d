package com.teahouse.staff.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin.
 *
 * @param password     {@code TEAHOUSE_ADMIN_PASSWORD}: the first admin's password, held to {@link PasswordPolicy};
 *                     absent: a random one, written to {@code passwordFile} and to be changed at first login
 * @param passwordFile where a generated password is written (owner-only), deleted once it has been changed
 */
@ConfigurationProperties("teahouse.admin")
record AdminProperties(String password, Path passwordFile) {

    AdminProperties {
        passwordFile = passwordFile == null ? Path.of("./data/first-admin-password") : passwordFile;
    }
}
