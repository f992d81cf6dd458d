package com.teahouse.staff.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.testsupport.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A weak TEAHOUSE_ADMIN_PASSWORD stops the application at start-up, saying which rule it breaks. */
class FirstAdminPasswordIT {

    @Test
    void aWeakConfiguredAdminPasswordRefusesToStart() throws Exception {
        Path dir = Files.createTempDirectory("first-admin-it");
        Throwable e = assertThrows(Throwable.class, () -> TestApps.start(dir, null, null,
                Map.of("teahouse.admin.password", "aaaaaaaaaaaa")).close());
        String messages = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages += t.getMessage() + "\n";
        }
        assertTrue(messages.contains("TEAHOUSE_ADMIN_PASSWORD") && messages.contains("account.password.one-character"),
                messages);
        assertTrue(Files.notExists(dir.resolve("first-admin-password")), "no password file was written");
    }
}
