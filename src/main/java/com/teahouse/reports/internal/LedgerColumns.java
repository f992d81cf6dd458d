package com.teahouse.reports.internal;

import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.LedgerCase;
import com.teahouse.texts.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ledger's columns, in order: a header key of {@code dialogs/texts/bulletin.yaml} and what the cell holds (an
 * {@link Instant}, a number, or text). The personal columns come last and only when {@link #of} is asked for them.
 */
final class LedgerColumns {

    record Column(String key, Function<LedgerCase, Object> value, int width) {
    }

    private LedgerColumns() {
    }

    static List<Column> of(boolean personal, Instant now, CaseWork names, Texts texts, String lang) {
        // every label is looked up once per export, not once per cell: a ledger has tens of thousands of rows
        Map<String, String> said = new HashMap<>();
        Function<String, String> say = key -> said.computeIfAbsent(key, k -> texts.plain(k, lang));
        Map<String, String> unitNames = new HashMap<>();
        Map<String, String> categoryNames = new HashMap<>();
        Function<Boolean, Object> flag = b -> b == null ? "" : say.apply(b ? "ledger.yes" : "ledger.no");
        List<Column> c = new ArrayList<>(List.of(
                col("tracking", l -> r(l).trackingNumber(), 20),
                col("opened", l -> r(l).openedAt(), 17),
                col("claimed", LedgerCase::claimedAt, 17),
                col("replied", LedgerCase::repliedAt, 17),
                col("closed", LedgerCase::closedAt, 17),
                col("unit", l -> r(l).unit() == null ? ""
                        : unitNames.computeIfAbsent(r(l).unit(), u -> names.unitName(u, lang)), 22),
                col("category", l -> r(l).category() == null ? ""
                        : categoryNames.computeIfAbsent(r(l).category(), k -> names.categoryName(k, lang)), 22),
                col("district", l -> text(r(l).location()), 12),
                col("state", l -> say.apply("staff.state." + r(l).state().id()), 14),
                col("claimDue", l -> r(l).claimDue(), 17),
                col("replyDue", l -> r(l).replyDue(), 17),
                col("extensions", LedgerCase::extensions, 8),
                col("extendedDays", LedgerCase::extendedDays, 8),
                col("claimOnTime", l -> flag.apply(l.claimOnTime(now)), 8),
                col("replyOnTime", l -> flag.apply(l.replyOnTime(now)), 8),
                col("supervised", l -> flag.apply(r(l).supervised()), 8),
                col("satisfaction", l -> r(l).rating() == null ? ""
                        : say.apply("ledger.rating." + r(l).rating()), 12),
                col("reopenings", LedgerCase::reopenings, 8),
                // [merged group] issue 13: a merged group (并单) is one problem with its complainants on one row
                col("complainants", LedgerCase::complainants, 8),
                col("merged", l -> String.join(", ", l.merged()), 22)));
        if (personal) {
            c.add(col("confidential", l -> flag.apply(r(l).confidential()), 8));
            c.add(col("company", l -> text(r(l).company()), 28));
            c.add(col("creditCode", l -> text(r(l).creditCode()), 22));
            c.add(col("contactName", l -> text(r(l).contactName()), 12));
            c.add(col("phone", l -> text(r(l).phone()), 16));
        }
        return c;
    }

    private static Column col(String key, Function<LedgerCase, Object> value, int width) {
        return new Column("ledger.col." + key, value, width);
    }

    private static CaseRecord r(LedgerCase l) {
        return l.record();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
