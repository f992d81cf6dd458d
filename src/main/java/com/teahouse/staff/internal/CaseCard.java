package com.teahouse.staff.internal;

import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.WorkingTime;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The case card in a staff topic and the topic's title. The forum is shared by every unit, so no card or title
 * carries a contact person or phone, and a confidential complainant's company and credit code are never in them.
 */
@Component
class CaseCard {

    private final Texts texts;
    private final CaseWork work;
    private final String language;
    private final DateTimeFormatter time;

    CaseCard(Texts texts, CaseWork work, StaffProperties staff, WorkingTime hours) {
        this.texts = texts;
        this.work = work;
        this.language = staff.language();
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(hours.zone());
    }

    String language() {
        return language;
    }

    String when(Instant instant) {
        return instant == null ? "-" : time.format(instant);
    }

    String title(CaseRecord c) {
        String title = c.trackingNumber() + " " + work.categoryName(c.category(), language);
        return c.confidential() || c.company() == null ? title : title + " " + c.company();
    }

    /** The card never shows a contact person or phone: those are behind the logged "show contact" button. */
    RichText text(CaseRecord full) {
        CaseRecord c = full.withoutContact();
        String hidden = texts.plain("staff.hidden", language);
        Map<String, Object> p = new HashMap<>();
        p.put("number", c.trackingNumber());
        p.put("category", work.categoryName(c.category(), language));
        p.put("unit", work.unitName(c.unit(), language));
        p.put("state", texts.plain("staff.state." + c.state().id(), language));
        p.put("holder", c.claimedByName() == null ? ""
                : texts.render("staff.holder", language, Map.of("name", c.claimedByName())).plainText());
        p.put("due", when(c.due()));
        p.put("supervised", c.supervised() ? texts.plain("staff.supervisedMark", language) : "");
        p.put("company", c.confidential() ? hidden : orDash(c.company()));
        p.put("contact", c.confidential() ? hidden : texts.plain("access.card.contact", language));
        p.put("location", orDash(c.location()));
        p.put("description", orDash(c.description()));
        return texts.render("staff.card", language, p);
    }

    List<List<Button>> buttons(CaseRecord c) {
        if (c.state().idle()) {
            return List.of();
        }
        String t = c.trackingNumber();
        var first = List.of(button("claim", t), button("resolve", t), button("transfer", t));
        var second = List.of(button("return", t), button("note", t), button("contact", t));
        return List.of(first, second);
    }

    private Button button(String action, String t) {
        String label = action.equals("contact") ? "access.button.contact" : "staff.button." + action;
        return Button.action(texts.plain(label, language), "case:" + action + ":" + t);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
