package com.teahouse.staff.internal;

import com.teahouse.cases.CaseWork;
import com.teahouse.staff.StaffRole;
import java.security.Principal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins manage accounts: create, disable, enable, roles, unit, Telegram link, password reset; and read the audit
 * stream. Each change is checked in full before anything is stored, ends the account's sessions and is
 * audited. At least one enabled admin always remains. Hashes never leave the server.
 */
@RestController
class AccountsApi {

    private static final String BASE = "/staff/api/admin/accounts";

    record NewAccount(String username, String password, Set<StaffRole> roles, String unit, String name,
            String number) {
    }

    record Edit(Set<StaffRole> roles, String unit, String telegramId, String password) {
    }

    private final AccountStore accounts;
    private final ConsoleAccess access;
    private final PasswordEncoder encoder;
    private final AccountChanges changes;
    private final AuditLog audit;
    private final CaseWork work;

    AccountsApi(AccountStore accounts, ConsoleAccess access, PasswordEncoder encoder, AccountChanges changes,
            AuditLog audit, CaseWork work) {
        this.accounts = accounts;
        this.access = access;
        this.encoder = encoder;
        this.changes = changes;
        this.audit = audit;
        this.work = work;
    }

    @GetMapping(BASE)
    List<Map<String, Object>> list(Principal principal) {
        admin(principal);
        return accounts.all().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("username", a.username());
            m.put("roles", a.roles());
            m.put("unit", a.unit());
            m.put("name", a.name());
            m.put("telegram", a.telegramId());
            m.put("disabled", accounts.status(a.username()).map(AccountStatus::disabled).orElse(true));
            return m;
        }).toList();
    }

    @PostMapping(BASE)
    Map<String, Object> create(Principal principal, @RequestBody NewAccount n) {
        String by = admin(principal);
        if (!Usernames.valid(n.username())) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "account.username.invalid");
        }
        password(n.password(), n.username());
        if (n.name() != null && (n.name().isBlank() || n.name().length() > 64)
                || n.number() != null && !n.number().matches("[0-9A-Za-z-]{1,16}")) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "account.name.invalid");
        }
        Set<StaffRole> roles = n.roles() == null || n.roles().isEmpty() ? EnumSet.of(StaffRole.STAFF) : n.roles();
        String unit = unit(n.unit());
        if (!accounts.create(new Account(n.username(), encoder.encode(n.password()), roles, unit,
                n.name() == null ? n.username() : n.name(), n.number(), null))) {
            throw new AccountProblem(HttpStatus.CONFLICT, "account.exists");
        }
        audit.record(by, "create", n.username(), "roles=" + roles + " unit=" + unit);
        return Map.of("created", n.username());
    }

    @PostMapping(BASE + "/{username}/{change}")
    Map<String, Object> change(Principal principal, @PathVariable String username, @PathVariable String change,
            @RequestBody(required = false) Edit edit) {
        String by = admin(principal);
        Account a = accounts.find(username).orElseThrow(() -> new AccountProblem(HttpStatus.NOT_FOUND,
                "account.unknown"));
        Edit e = edit == null ? new Edit(null, null, null, null) : edit;
        String detail = switch (change) {
            case "disable" -> update(a, null, null, true, "");
            case "enable" -> update(a, null, null, false, "");
            case "roles" -> {
                if (e.roles() == null || e.roles().isEmpty()) {
                    throw new AccountProblem(HttpStatus.BAD_REQUEST, "account.roles.invalid");
                }
                yield update(a, e.roles(), null, null, "roles=" + e.roles());
            }
            case "unit" -> {
                String unit = unit(e.unit());
                yield update(a, null, Optional.ofNullable(unit), null, "unit=" + unit);
            }
            case "telegram" -> link(username, e.telegramId());
            case "unlink" -> {
                accounts.unlinkTelegram(username);
                yield "";
            }
            case "password" -> {
                password(e.password(), username);
                accounts.setPassword(username, encoder.encode(e.password()), false);
                yield "";
            }
            default -> throw new AccountProblem(HttpStatus.NOT_FOUND, "account.change.unknown");
        };
        changes.changed(by, change, username, detail);
        return Map.of("changed", username, "change", change);
    }

    @GetMapping("/staff/api/audit")
    List<Map<String, String>> audit(Principal principal, @RequestParam(defaultValue = "200") int limit) {
        admin(principal);
        return audit.latest(Math.max(1, Math.min(limit, 1000)));
    }

    private String update(Account a, Set<StaffRole> roles, Optional<String> unit, Boolean disabled,
            String detail) {
        return switch (accounts.update(a.username(), roles, unit, disabled)) {
            case DONE -> detail;
            case LAST_ADMIN -> throw new AccountProblem(HttpStatus.CONFLICT, "account.last-admin");
            default -> throw new AccountProblem(HttpStatus.NOT_FOUND, "account.unknown");
        };
    }

    private String link(String username, String telegramId) {
        if (telegramId == null || !telegramId.matches("[1-9][0-9]{0,15}")) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "account.telegram.invalid");
        }
        return switch (accounts.linkTelegram(username, telegramId)) {
            case DONE -> "";
            case TAKEN -> throw new AccountProblem(HttpStatus.CONFLICT, "account.telegram.taken");
            default -> throw new AccountProblem(HttpStatus.NOT_FOUND, "account.unknown");
        };
    }

    private void password(String password, String username) {
        PasswordPolicy.problem(password, username).ifPresent(key -> {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, key);
        });
    }

    private String unit(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        if (!work.units().contains(unit)) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "account.unit.unknown");
        }
        return unit;
    }

    private String admin(Principal principal) {
        Account me = access.me(principal);
        if (!me.has(StaffRole.ADMIN)) {
            throw new AccountProblem(HttpStatus.FORBIDDEN, "account.forbidden");
        }
        return me.username();
    }
}
