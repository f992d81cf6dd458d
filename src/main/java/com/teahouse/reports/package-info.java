/**
 * Supervision figures for the office: the case ledger (问题台账), the summary and dashboards at
 * {@code /staff/reports}, unit rankings, and the weekly bulletin (定期通报) as XLSX, printable HTML and a post to
 * the staff group. Figures are counted in working time on the cases' calendar.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
        allowedDependencies = {"cases", "store", "texts", "staff", "messaging", "limits", "channel"})
package com.teahouse.reports;
