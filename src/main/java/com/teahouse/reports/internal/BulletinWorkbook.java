package com.teahouse.reports.internal;

import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.reports.Summary;
import com.teahouse.texts.Texts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The bulletin as XLSX: the headline figures (with the short text on top), the unit ranking, and the overdue and
 * supervised cases. Small (one row per unit and per listed case), so it is built in memory and can travel as an
 * outbox attachment. Rates are fractions shown as percentages.
 */
@Component
class BulletinWorkbook {

    private final Texts texts;
    private final CaseWork names;
    private final BulletinText text;

    BulletinWorkbook(Texts texts, CaseWork names, BulletinText text) {
        this.texts = texts;
        this.names = names;
        this.text = text;
    }

    byte[] write(Bulletin b, String lang) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(book);
            headline(book.createSheet(t("bulletin.sheet.headline", lang)), b, lang, st);
            ranking(book.createSheet(t("bulletin.sheet.ranking", lang)), b, lang, st);
            cases(book.createSheet(t("bulletin.sheet.cases", lang)), b, lang, st);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void headline(Sheet sheet, Bulletin b, String lang, Styles st) {
        Summary s = b.summary();
        row(sheet, 0, st.bold, text.title(b, lang));
        row(sheet, 1, null, text.headline(b, lang));
        row(sheet, 3, st.bold, t("bulletin.col.figure", lang), t("bulletin.col.value", lang));
        Object[][] figures = {{"opened", s.opened()}, {"claimed", s.claimed()}, {"replied", s.replied()},
            {"closed", s.closed()}, {"reopened", s.reopened()}, {"declined", s.declined()},
            {"openNow", s.openNow()}, {"overdueNow", s.overdueNow()}, {"supervisedNow", s.supervisedNow()},
            {"claimRate", rate(s.onTime().claimRate())}, {"replyRate", rate(s.onTime().replyRate())},
            {"rated", s.satisfaction().rated()}, {"satisfactionRate", rate(s.satisfaction().rate())}};
        for (int i = 0; i < figures.length; i++) {
            Row r = row(sheet, 4 + i, null, t("bulletin.fig." + figures[i][0], lang));
            set(r.createCell(1), figures[i][1], st);
        }
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 14 * 256);
    }

    private void ranking(Sheet sheet, Bulletin b, String lang, Styles st) {
        row(sheet, 0, st.bold, t("bulletin.col.rank", lang), t("ledger.col.unit", lang),
                t("bulletin.col.opened", lang), t("bulletin.col.closed", lang),
                t("bulletin.col.onTimeReplyRate", lang), t("bulletin.col.satisfactionRate", lang),
                t("bulletin.col.overdueNow", lang), t("bulletin.col.score", lang));
        List<Summary.UnitRow> units = b.ranking();
        for (int i = 0; i < units.size(); i++) {
            Summary.UnitRow u = units.get(i);
            Object[] values = {i + 1, u.name() == null ? names.unitName(u.unit(), lang) : u.name(), u.opened(),
                u.closed(), rate(u.onTimeReplyRate()), rate(u.satisfactionRate()), u.overdueNow(), u.score()};
            Row r = sheet.createRow(i + 1);
            for (int c = 0; c < values.length; c++) {
                set(r.createCell(c), values[c], st);
            }
        }
        sheet.setColumnWidth(1, 30 * 256);
    }

    private void cases(Sheet sheet, Bulletin b, String lang, Styles st) {
        row(sheet, 0, st.bold, t("ledger.col.tracking", lang), t("ledger.col.unit", lang),
                t("ledger.col.category", lang), t("ledger.col.state", lang), t("ledger.col.opened", lang),
                t("bulletin.col.dueAt", lang), t("bulletin.col.why", lang));
        List<CaseRecord> listed = b.listed();
        for (int i = 0; i < listed.size(); i++) {
            CaseRecord c = listed.get(i);
            String why = b.isOverdue(c) && b.isSupervised(c) ? "both" : b.isOverdue(c) ? "overdue" : "supervised";
            Object[] values = {c.trackingNumber(), names.unitName(c.unit(), lang),
                names.categoryName(c.category(), lang), t("staff.state." + c.state().id(), lang), c.openedAt(),
                c.due(), t("bulletin.why." + why, lang)};
            Row r = sheet.createRow(i + 1);
            for (int k = 0; k < values.length; k++) {
                set(r.createCell(k), values[k], st);
            }
        }
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 30 * 256);
    }

    private String t(String key, String lang) {
        return texts.plain(key, lang);
    }

    private static Row row(Sheet sheet, int index, CellStyle style, String... values) {
        Row r = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Cell c = r.createCell(i);
            c.setCellValue(values[i]);
            if (style != null) {
                c.setCellStyle(style);
            }
        }
        return r;
    }

    /** A rate as a fraction cell formatted as a percentage; null stays empty. */
    private static Object rate(Double r) {
        return r == null ? null : new Rate(r);
    }

    private record Rate(double value) {
    }

    private static void set(Cell cell, Object value, Styles st) {
        if (value instanceof Rate r) {
            cell.setCellValue(r.value());
            cell.setCellStyle(st.percent);
        } else if (value instanceof Instant at) {
            cell.setCellValue(LocalDateTime.ofInstant(at, LedgerWorkbook.ZONE));
            cell.setCellStyle(st.date);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    private static final class Styles {
        final CellStyle bold;
        final CellStyle percent;
        final CellStyle date;

        Styles(XSSFWorkbook book) {
            bold = book.createCellStyle();
            Font f = book.createFont();
            f.setBold(true);
            bold.setFont(f);
            percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0%"));
            date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        }
    }
}
