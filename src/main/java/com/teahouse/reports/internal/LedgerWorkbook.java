package com.teahouse.reports.internal;

import com.teahouse.cases.CaseLedger;
import com.teahouse.cases.CaseWork;
import com.teahouse.reports.internal.LedgerColumns.Column;
import com.teahouse.texts.Texts;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes the ledger (问题台账) as XLSX straight to the response: SXSSF keeps only {@link #WINDOW} rows in memory
 * (older ones go to a temporary file, deleted when the export ends), and the cases are read a page at a time, so the heap a ledger
 * needs does not grow with its length. Times are shown in {@link #ZONE}.
 */
@Component
class LedgerWorkbook {

    static final int WINDOW = 100;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CaseLedger ledger;
    private final CaseWork names;
    private final Texts texts;
    private final Clock clock;

    LedgerWorkbook(CaseLedger ledger, CaseWork names, Texts texts, Clock clock) {
        this.ledger = ledger;
        this.names = names;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * @param unit     only this unit's cases; null for every unit
     * @param personal with the personal columns (the caller has checked that this user may have them)
     * @return the number of rows written: problems (a merged group is one row)
     */
    int write(OutputStream out, Instant from, Instant to, String unit, boolean personal, String lang)
            throws IOException {
        List<Column> columns = LedgerColumns.of(personal, clock.instant(), names, texts, lang);
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            SXSSFSheet sheet = book.createSheet(texts.plain("ledger.sheet", lang));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(texts.plain(columns.get(i).key(), lang));
                cell.setCellStyle(head);
                sheet.setColumnWidth(i, columns.get(i).width() * 256);
            }
            sheet.createFreezePane(1, 1);
            // every cell gets its style set: a cell without one makes SXSSF look up its column's default style in
            // the sheet's XML column list when the row is written, which was most of the export's time (JFR)
            CellStyle plain = book.getCellStyleAt(0);
            int[] rows = {0};
            long complaints = ledger.openedBetween(from, to, unit, c -> {
                Row row = sheet.createRow(++rows[0]);
                for (int i = 0; i < columns.size(); i++) {
                    set(row.createCell(i), columns.get(i).value().apply(c), date, plain);
                }
            });
            // the totals, after an empty row: problems (the rows) and complaints (what the summary's opened counts)
            total(sheet.createRow(rows[0] + 2), texts.plain("ledger.total.problems", lang), rows[0], head);
            total(sheet.createRow(rows[0] + 3), texts.plain("ledger.total.complaints", lang), complaints, head);
            book.write(out);
            return rows[0];
        } finally {
            book.dispose();
            book.close();
        }
    }

    private static void total(Row row, String label, long value, CellStyle head) {
        Cell cell = row.createCell(0);
        cell.setCellValue(label);
        cell.setCellStyle(head);
        row.createCell(1).setCellValue(value);
    }

    private static void set(Cell cell, Object value, CellStyle date, CellStyle plain) {
        cell.setCellStyle(value instanceof Instant ? date : plain);
        if (value instanceof Instant at) {
            cell.setCellValue(LocalDateTime.ofInstant(at, ZONE));
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }
}
