package com.teahouse.staff.internal;

import com.teahouse.staff.StaffRole;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Admins manage accounts and link Telegram users to them. Hashes never leave the server. */
@RestController
@RequestMapping("/staff/api/admin/accounts")
class AccountsApi {

    record NewAccount(String username, String password, Set<StaffRole> roles, String unit, String name,
            String number) {
    }

    private final AccountStore accounts;
    private final ConsoleAccess access;
    private final PasswordEncoder encoder;

    AccountsApi(AccountStore accounts, ConsoleAccess access, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.access = access;
        this.encoder = encoder;
    }

    @GetMapping
    List<Map<String, Object>> list(Principal principal) {
        admin(principal);
        return accounts.all().stream().map(a -> Map.<String, Object>of("username", a.username(), "roles", a.roles(),
                "unit", String.valueOf(a.unit()), "name", a.name(), "telegram", String.valueOf(a.telegramId())))
                .toList();
    }

    @PostMapping
    Map<String, Object> create(Principal principal, @RequestBody NewAccount n) {
        admin(principal);
        if (n.username() == null || !n.username().matches("[A-Za-z0-9._-]{2,40}") || n.password() == null
                || n.password().length() < 10) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "username 2-40 of [A-Za-z0-9._-], password 10+");
        }
        Set<StaffRole> roles = n.roles() == null || n.roles().isEmpty() ? EnumSet.of(StaffRole.STAFF) : n.roles();
        boolean created = accounts.create(new Account(n.username(), encoder.encode(n.password()), roles, n.unit(),
                n.name() == null ? n.username() : n.name(), n.number(), null));
        if (!created) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return Map.of("created", n.username());
    }

    @PostMapping("/{username}/telegram")
    Map<String, Object> link(Principal principal, @PathVariable String username, @RequestBody Map<String, String> b) {
        admin(principal);
        String id = b.get("telegramId");
        if (id == null || !id.matches("\\d{1,20}") || accounts.find(username).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        accounts.linkTelegram(username, id);
        return Map.of("linked", username);
    }

    private void admin(Principal principal) {
        if (!access.me(principal).has(StaffRole.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
