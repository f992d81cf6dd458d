package com.teahouse.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.cases.CaseDesk.Rating;
import com.teahouse.cases.CaseMerging;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger (问题台账) over real HTTP with real logins, opened with POI: the rows of a scripted week; unit staff get
 * their unit only and never a personal column; a supervisor gets them only by asking, and the asking is in the
 * staff audit stream (without the data); bad periods and units are refused.
 */
class LedgerExportIT {

    static final String WEEK = "from=2026-11-23&to=2026-11-29";
    static final List<String> PERSONAL = List.of("保密公司QX1", "保密人QX1", "13900000001", "公开公司QX2", "公开人QX2",
            "13900000002");

    @TempDir
    Path data;

    @Test
    void ledgerRowsScopeAndPersonalData() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T02:00:00Z"));
        try (ConfigurableApplicationContext app = TestApps.start(data, null, clock,
                Map.of("teahouse.admin.password", ReportFixture.ADMIN_PASSWORD))) {
            ReportFixture f = new ReportFixture(app, clock);
            f.open("payment", false, "上周公司", "上周人", "13900000009");
            clock.set(Instant.parse("2026-11-23T01:00:00Z"));
            String a = f.open("payment", true, "保密公司QX1", "保密人QX1", "13900000001");
            f.later(Duration.ofMinutes(30));
            f.claimResolve(a);
            f.desk.rate(a, f.owner(a), Rating.SATISFIED, null);
            String b = f.open("payment", false, "公开公司QX2", "公开人QX2", "13900000002");
            f.later(Duration.ofDays(1));
            ReportFixture.check(f.work.extend(b, ReportFixture.CLERK, 3, "需要补充材料", null));
            f.claimResolve(b);
            f.desk.rate(b, f.owner(b), Rating.UNSATISFIED, "没解决");
            String c = f.open("tax", false, "税务公司", "税务人", "13900000003");
            f.account("clerk-iit", Set.of("STAFF"), "iit");
            f.account("chief", Set.of("SUPERVISOR"), null);

            ReportClient clerk = f.as("clerk-iit");
            var own = clerk.get("/staff/api/reports/ledger.xlsx?" + WEEK);
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.contentType()).contains("spreadsheetml");
            List<List<String>> rows = ReportFixture.rows(own.bytes());
            List<String> header = rows.get(0);
            assertThat(header).startsWith("工单编号", "受理时间", "接单时间", "答复时间", "办结时间", "承办单位")
                    .doesNotContain("联系人", "联系电话", "企业名称", "统一社会信用代码", "保密");
            assertThat(rows).hasSize(5); // the header, A, B, and the two totals
            Map<String, String> rowA = row(rows, a);
            Map<String, String> rowB = row(rows, b);
            assertThat(rowA).containsEntry("接单时间", "2026-11-23 09:30").containsEntry("按时接单", "是")
                    .containsEntry("按时答复", "是").containsEntry("满意度", "满意").containsEntry("状态", "已办结")
                    .containsEntry("重办次数", "0").containsEntry("所属区域", "奎文区")
                    .containsEntry("承办单位", "市工业和信息化局（清欠办）");
            assertThat(rowA.get("办结时间")).isEqualTo("2026-11-23 12:30");
            assertThat(rowB).containsEntry("按时接单", "否").containsEntry("延期次数", "1")
                    .containsEntry("延期工作日", "3").containsEntry("重办次数", "1").containsEntry("满意度", "不满意")
                    .containsEntry("状态", "重新办理").containsEntry("办结时间", "");
            assertThat(rows.toString()).doesNotContain(PERSONAL).doesNotContain(c);

            // another unit, personal data, bad periods, an unknown unit: refused with a reason
            assertThat(clerk.get("/staff/api/reports/ledger.xlsx?" + WEEK + "&unit=tax").status()).isEqualTo(403);
            var asked = clerk.get("/staff/api/reports/ledger.xlsx?" + WEEK + "&personal=true");
            assertThat(asked.status()).isEqualTo(403);
            assertThat(asked.json().get("message").asText()).contains("督办");
            assertThat(clerk.get("/staff/api/reports/ledger.xlsx?from=2026-13-01&to=2026-11-29").json()
                    .get("error").asText()).isEqualTo("reports.period.badDate");
            assertThat(clerk.get("/staff/api/reports/ledger.xlsx?from=2025-01-01&to=2026-11-29").status())
                    .isEqualTo(400);
            ReportClient chief = f.as("chief");
            assertThat(chief.get("/staff/api/reports/ledger.xlsx?" + WEEK + "&unit=nope").json().get("error")
                    .asText()).isEqualTo("reports.unit.unknown");

            // a supervisor: every unit, personal data only on asking, and the asking is recorded
            List<List<String>> all = ReportFixture.rows(chief.get("/staff/api/reports/ledger.xlsx?" + WEEK).bytes());
            assertThat(all).hasSize(6);
            assertThat(all.toString()).doesNotContain(PERSONAL).contains(c);
            assertThat(auditOf(f)).doesNotContain("ledger-personal");
            List<List<String>> full = ReportFixture.rows(chief.get("/staff/api/reports/ledger.xlsx?" + WEEK
                    + "&personal=true").bytes());
            assertThat(full.get(0)).contains("联系人", "联系电话", "企业名称", "统一社会信用代码", "保密");
            assertThat(row(full, a)).containsEntry("联系人", "保密人QX1").containsEntry("联系电话", "13900000001")
                    .containsEntry("保密", "是");
            assertThat(row(full, b)).containsEntry("企业名称", "公开公司QX2");
            String audit = auditOf(f);
            assertThat(audit).contains("ledger-personal", "chief", "2026-11-23..2026-11-29").doesNotContain(PERSONAL);
        }
    }

    /**
     * 并单 (issue 13): B and C merged into A are one problem with three complainants: A's row says so and names
     * them, B and C have no row of their own; the totals count one problem and three complaints, the summary's
     * {@code opened} (complaints as they came) equals the second; after an unmerge C is a problem again; and B
     * stays a complainant of A's row once A's reply has reached it (B replied, no longer in state merged).
     */
    @Test
    void aMergedGroupIsOneProblemWithItsComplainants() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
        try (ConfigurableApplicationContext app = TestApps.start(data, null, clock,
                Map.of("teahouse.admin.password", ReportFixture.ADMIN_PASSWORD))) {
            ReportFixture f = new ReportFixture(app, clock);
            String a = f.open("payment", false, "甲公司", "甲", "13900000011");
            String b = f.open("payment", false, "乙公司", "乙", "13900000012");
            String c = f.open("payment", false, "丙公司", "丙", "13900000013");
            String d = f.open("tax", false, "丁公司", "丁", "13900000014");
            CaseMerging merging = app.getBean(CaseMerging.class);
            ReportFixture.check(merging.merge(b, a, ReportFixture.CLERK, true));
            ReportFixture.check(merging.merge(c, a, ReportFixture.CLERK, true));
            f.account("chief", Set.of("SUPERVISOR"), null);
            ReportClient chief = f.as("chief");

            List<List<String>> rows = ReportFixture.rows(chief.get("/staff/api/reports/ledger.xlsx?" + WEEK).bytes());
            assertThat(row(rows, a)).containsEntry("投诉人数", "3").containsEntry("并入工单",
                    String.join(", ", new java.util.TreeSet<>(List.of(b, c))));
            assertThat(row(rows, d)).containsEntry("投诉人数", "1").containsEntry("并入工单", "");
            assertThat(rows.stream().map(r -> r.get(0))).doesNotContain(b, c);
            assertThat(total(rows, "问题数（并单计为一个）")).isEqualTo("2");
            assertThat(total(rows, "投诉件数（含并入件）")).isEqualTo("4");
            long opened = chief.get("/staff/api/reports/summary?" + WEEK).json().get("opened").asLong();
            assertThat(opened).isEqualTo(4);

            ReportFixture.check(merging.unmerge(c, ReportFixture.CLERK));
            rows = ReportFixture.rows(chief.get("/staff/api/reports/ledger.xlsx?" + WEEK).bytes());
            assertThat(row(rows, a)).containsEntry("投诉人数", "2").containsEntry("并入工单", b);
            assertThat(row(rows, c)).containsEntry("投诉人数", "1");
            assertThat(total(rows, "问题数（并单计为一个）")).isEqualTo("3");
            assertThat(total(rows, "投诉件数（含并入件）")).isEqualTo("4");

            // A's reply reaches B (replied, no longer in state merged): B is still one of A's complainants only
            f.claimResolve(a);
            // the group follows A from the notices stream, once its entry is delivered
            org.awaitility.Awaitility.await().until(
                    () -> f.work.get(b).orElseThrow().state() == com.teahouse.cases.CaseState.REPLIED);
            rows = ReportFixture.rows(chief.get("/staff/api/reports/ledger.xlsx?" + WEEK).bytes());
            assertThat(row(rows, a)).containsEntry("投诉人数", "2").containsEntry("并入工单", b);
            assertThat(rows.stream().map(r -> r.get(0))).doesNotContain(b);
            assertThat(total(rows, "问题数（并单计为一个）")).isEqualTo("3");
        }
    }

    /** The figure next to a totals label. */
    static String total(List<List<String>> rows, String label) {
        return rows.stream().filter(r -> r.get(0).equals(label)).findFirst().orElseThrow().get(1);
    }

    static String auditOf(ReportFixture f) {
        return f.as("admin").get("/staff/api/audit").text();
    }

    /** The row of a case, by header. */
    static Map<String, String> row(List<List<String>> rows, String tracking) {
        List<String> header = rows.get(0);
        List<String> row = rows.stream().filter(r -> r.get(0).equals(tracking)).findFirst().orElseThrow();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            out.put(header.get(i), i < row.size() ? row.get(i) : "");
        }
        return out;
    }
}
