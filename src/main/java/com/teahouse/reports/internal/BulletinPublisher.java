package com.teahouse.reports.internal;

import com.teahouse.channel.OfficeChats;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Attachment;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Outbox;
import com.teahouse.reports.ReportPeriod;
import com.teahouse.store.RedisStore;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts a bulletin to the office chat ({@link OfficeChats#bulletin()}): the headline as a message, then the XLSX
 * as a document, both through the durable outbox. The weekly post is claimed by {@code bulletin:<week>} in the
 * same atomic step as the outbox entries ({@link Outbox#postOnce}), so with any number of instances, and across
 * restarts, it is posted once; and once claimed it is delivered, because the outbox keeps it until it is.
 */
@Component
class BulletinPublisher {

    private static final Logger log = LoggerFactory.getLogger(BulletinPublisher.class);

    private final BulletinMaker maker;
    private final BulletinText text;
    private final BulletinWorkbook workbook;
    private final OfficeChats chats;
    private final Outbox outbox;
    private final RedisStore store;
    private final BulletinProperties props;

    BulletinPublisher(BulletinMaker maker, BulletinText text, BulletinWorkbook workbook, OfficeChats chats,
            Outbox outbox, RedisStore store, BulletinProperties props) {
        this.maker = maker;
        this.text = text;
        this.workbook = workbook;
        this.chats = chats;
        this.outbox = outbox;
        this.store = store;
        this.props = props;
    }

    /** The claim of a week's post: {@code bulletin:2026-W48}. */
    static String weekClaim(ReportPeriod week) {
        return "bulletin:" + week.from().get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", week.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    boolean configured() {
        return chats.bulletin().isPresent();
    }

    /** The scheduled post of a week: false when it was posted (or claimed) before, or nowhere to post. */
    boolean postWeek(ReportPeriod week) {
        String claim = weekClaim(week);
        Optional<Address> to = chats.bulletin();
        if (to.isEmpty() || store.jedis().exists(store.key(claim))) {
            return false;
        }
        boolean posted = outbox.postOnce(claim, props.keepClaim(), messages(to.get(), week));
        if (posted) {
            log.info("bulletin for {} to {} queued", claim, to.get().chat());
        }
        return posted;
    }

    /** A supervisor's "publish now": posted each time it is asked for, still through the outbox. */
    boolean postNow(ReportPeriod period) {
        Optional<Address> to = chats.bulletin();
        if (to.isEmpty()) {
            return false;
        }
        return outbox.postOnce("bulletin:now:" + UUID.randomUUID(), props.keepClaim(), messages(to.get(), period));
    }

    private List<Outbound> messages(Address to, ReportPeriod period) {
        String lang = props.language();
        Bulletin b = maker.make(period);
        byte[] xlsx = workbook.write(b, lang);
        // an ASCII file name: it travels in a multipart header
        String name = "bulletin-" + period.from() + "-" + period.to() + ".xlsx";
        return List.of(Outbound.send(to, text.message(b, lang)),
                Outbound.file(to, Attachment.document(name, LedgerApi.XLSX.toString(), xlsx), null));
    }
}
