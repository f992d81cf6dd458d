package com.teahouse.reports.internal;

import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.LedgerCase;
import com.teahouse.texts.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        Function<Boolean, Object> flag = b -> b == null ? "" : texts.plain(b ? "ledger.yes" : "ledger.no", lang);
        List<Column> c = new ArrayList<>(List.of(
                col("tracking", l -> r(l).trackingNumber(), 20),
                col("opened", l -> r(l).openedAt(), 17),
                col("claimed", LedgerCase::claimedAt, 17),
                col("replied", LedgerCase::repliedAt, 17),
                col("closed", LedgerCase::closedAt, 17),
                col("unit", l -> r(l).unit() == null ? "" : names.unitName(r(l).unit(), lang), 22),
                col("category", l -> r(l).category() == null ? "" : names.categoryName(r(l).category(), lang), 22),
                col("district", l -> text(r(l).location()), 12),
                col("state", l -> texts.plain("staff.state." + r(l).state().id(), lang), 14),
                col("claimDue", l -> r(l).claimDue(), 17),
                col("replyDue", l -> r(l).replyDue(), 17),
                col("extensions", LedgerCase::extensions, 8),
                col("extendedDays", LedgerCase::extendedDays, 8),
                col("claimOnTime", l -> flag.apply(l.claimOnTime(now)), 8),
                col("replyOnTime", l -> flag.apply(l.replyOnTime(now)), 8),
                col("supervised", l -> flag.apply(r(l).supervised()), 8),
                col("satisfaction", l -> r(l).rating() == null ? ""
                        : texts.plain("ledger.rating." + r(l).rating(), lang), 12),
                col("reopenings", LedgerCase::reopenings, 8)));
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
