package com.teahouse.reports;

import static org.awaitility.Awaitility.await;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ConfigurableApplicationContext;

/** Cases made through the real desks on a movable clock, console accounts made through the admin API, and XLSX read back. */
final class ReportFixture {

    static final String ADMIN_PASSWORD = "teahouse-admin-Pw-2026";
    static final String PASSWORD = "correct horse battery staple";
    static final Actor CLERK = new Actor("web:clerk", "办事员");

    final ConfigurableApplicationContext app;
    final MutableClock clock;
    final CaseDesk desk;
    final CaseWork work;

    ReportFixture(ConfigurableApplicationContext app, MutableClock clock) {
        this.app = app;
        this.clock = clock;
        this.desk = app.getBean(CaseDesk.class);
        this.work = app.getBean(CaseWork.class);
    }

    int port() {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    ReportClient as(String username) {
        return new ReportClient(port()).login(username, "admin".equals(username) ? ADMIN_PASSWORD : PASSWORD);
    }

    void account(String username, Set<String> roles, String unit) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password", PASSWORD,
                "roles", roles, "name", username));
        if (unit != null) {
            body.put("unit", unit);
        }
        var a = as("admin").post("/staff/api/admin/accounts", body, true);
        if (a.status() != 200) {
            throw new IllegalStateException("account " + username + ": " + a.status() + " " + a.text());
        }
    }

    /** Opens a complaint now and waits until it is dispatched to its unit. */
    String open(String category, boolean confidential, String company, String person, String phone) {
        String chat = "report-" + UUID.randomUUID();
        String t = desk.open(new CaseRequest(UUID.randomUUID().toString(), Address.of("web", chat), "zh",
                CaseRequest.Kind.COMPLAINT, category, "拖欠工程款的描述", List.of(), "奎文区", company,
                "91370700MA3TEST01X", person, phone, confidential, List.of())).trackingNumber();
        await().until(() -> work.get(t).orElseThrow().state() == CaseState.DISPATCHED);
        return t;
    }

    Address owner(String t) {
        return work.get(t).orElseThrow().owner();
    }

    void later(Duration d) {
        clock.advance(d);
    }

    void claimResolve(String t) {
        check(work.claim(t, CLERK, null));
        later(Duration.ofHours(3));
        check(work.resolve(t, CLERK, "已协调付款", null));
    }

    static void check(CaseWork.Outcome o) {
        if (!o.done()) {
            throw new IllegalStateException("not done: " + o);
        }
    }

    /** Every row of the first sheet, each cell as Excel would show it. */
    static List<List<String>> rows(byte[] xlsx) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return rows(book.getSheetAt(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> rows(Sheet sheet) {
        DataFormatter f = new DataFormatter();
        List<List<String>> out = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                cells.add(row.getCell(i) == null ? "" : f.formatCellValue(row.getCell(i)));
            }
            out.add(cells);
        }
        return out;
    }
}
