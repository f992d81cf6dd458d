package com.teahouse.staff;

import com.teahouse.cases.CaseCaller;
import java.security.Principal;

/**
 * The logged-in console user as {@link com.teahouse.cases.CasePolicy} sees them, for other modules' staff pages
 * (the reports): {@link CaseCaller#NOBODY} for an unknown or anonymous principal.
 */
public interface StaffCallers {

    CaseCaller caller(Principal principal);
}
