package com.teahouse.staff.internal;

import com.teahouse.cases.CaseCaller;
import com.teahouse.staff.StaffCallers;
import java.security.Principal;
import org.springframework.stereotype.Component;

/** {@link StaffCallers} from the account store: the roles and unit the account has now. */
@Component
class AccountCallers implements StaffCallers {

    private final AccountStore accounts;

    AccountCallers(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public CaseCaller caller(Principal principal) {
        return principal == null ? CaseCaller.NOBODY
                : accounts.find(principal.getName()).map(Account::caller).orElse(CaseCaller.NOBODY);
    }
}
