package com.teahouse.staff.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.staff.ConsoleUsers;
import java.security.Principal;
import org.springframework.stereotype.Component;

/** {@link ConsoleUsers} from the accounts: the same mapping to case rights as the console itself. */
@Component
class AccountConsoleUsers implements ConsoleUsers {

    private final AccountStore accounts;
    private final AuditLog audit;

    AccountConsoleUsers(AccountStore accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public CaseCaller caller(Principal principal) {
        return principal == null ? CaseCaller.NOBODY
                : accounts.find(principal.getName()).map(Account::caller).orElse(CaseCaller.NOBODY);
    }

    @Override
    public String username(Principal principal) {
        return principal == null ? "" : principal.getName();
    }

    @Override
    public void audit(Principal principal, String action, String detail) {
        audit.record(username(principal), action, "", detail);
    }
}
