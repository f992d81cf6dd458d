package com.teahouse.staff.internal;

import com.teahouse.cases.CasePolicy.Decision;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The polite words for a refusal of {@link com.teahouse.cases.CasePolicy}, in the staff's language. */
@Component
class Refusals {

    private final Texts texts;
    private final CaseCard card;

    Refusals(Texts texts, CaseCard card) {
        this.texts = texts;
        this.card = card;
    }

    RichText of(Decision d) {
        Map<String, Object> p = new HashMap<>();
        if (d.state() != null) {
            p.put("state", texts.plain("staff.state." + d.state().id(), card.language()));
        }
        if (d.holder() != null) {
            p.put("name", d.holder());
        }
        return of(d.key(), p);
    }

    RichText of(String key, Map<String, ?> params) {
        return texts.render(key, card.language(), params);
    }

    /** Refusals about what was typed (days, a missing reason) rather than who asked: a 400 on HTTP. */
    static boolean aboutInput(Decision d) {
        return d.key() != null && (d.key().equals("access.refused.days") || d.key().equals("access.refused.reason")
                || d.key().equals("access.refused.text") || d.key().equals("access.refused.contact_reason"));
    }
}
