package com.teahouse.reports.internal;

import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The short text written from a bulletin's figures, from the templates of {@code dialogs/texts/bulletin.yaml}:
 * 「11月23日至11月29日受理 23 件，按时答复率 91%，逾期 2 件（市自然资源局 2 件）。」 Units with the most overdue cases
 * come first.
 */
@Component
class BulletinText {

    private final Texts texts;
    private final CaseWork names;

    BulletinText(Texts texts, CaseWork names) {
        this.texts = texts;
        this.names = names;
    }

    String period(Bulletin b, String lang) {
        var p = b.period();
        return say("bulletin.period", lang, Map.of("from", p.from(), "to", p.to(),
                "fromMonth", p.from().getMonthValue(), "fromDay", p.from().getDayOfMonth(),
                "toMonth", p.to().getMonthValue(), "toDay", p.to().getDayOfMonth()));
    }

    String title(Bulletin b, String lang) {
        return say("bulletin.title", lang, Map.of("period", period(b, lang)));
    }

    String headline(Bulletin b, String lang) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("period", period(b, lang));
        params.put("opened", b.summary().opened());
        params.put("replyRate", percent(b.summary().onTime().replyRate(), lang));
        params.put("overdue", b.overdue().size());
        if (b.overdue().isEmpty()) {
            return say("bulletin.text.clear", lang, params);
        }
        Map<String, Long> byUnit = b.overdue().stream()
                .collect(Collectors.groupingBy(CaseRecord::unit, LinkedHashMap::new, Collectors.counting()));
        params.put("units", byUnit.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> say("bulletin.text.unit", lang, Map.of("name", names.unitName(e.getKey(), lang),
                        "count", e.getValue())))
                .collect(Collectors.joining(texts.plain("bulletin.text.separator", lang))));
        return say("bulletin.text.overdue", lang, params);
    }

    /** The message posted with the file: the title in bold, then the headline. */
    RichText message(Bulletin b, String lang) {
        return RichText.builder().bold(title(b, lang)).text("\n").text(headline(b, lang)).build();
    }

    String percent(Double rate, String lang) {
        return rate == null ? texts.plain("bulletin.noRate", lang) : Math.round(rate * 100) + "%";
    }

    private String say(String key, String lang, Map<String, ?> params) {
        return texts.render(key, lang, params).plainText();
    }
}
