package com.teahouse.staff.internal;

import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.cases.WorkingTime;
import com.teahouse.texts.Texts;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A case as one row of a console list (queue, search), in the language the browser chose: the cookie
 * {@code console-lang} that the language switch sets (zh when absent). A case given here has already been
 * passed through {@link com.teahouse.cases.CasePolicy#seen}.
 */
@Component
class CaseRows {

    static final String LANGUAGE_COOKIE = "console-lang";

    private final CaseWork work;
    private final WorkingTime workingTime;
    private final Texts texts;
    private final Clock clock;

    CaseRows(CaseWork work, WorkingTime workingTime, Texts texts, Clock clock) {
        this.work = work;
        this.workingTime = workingTime;
        this.texts = texts;
        this.clock = clock;
    }

    /** The browser's console language, from its cookie; one of the hotline's languages. */
    String language(HttpServletRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (LANGUAGE_COOKIE.equals(c.getName())) {
                    return texts.languageFor(c.getValue());
                }
            }
        }
        return texts.languages().get(0);
    }

    Map<String, Object> row(CaseRecord c, String lang) {
        Instant now = clock.instant();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tracking", c.trackingNumber());
        m.put("state", c.state().id());
        m.put("category", c.category());
        m.put("categoryName", work.categoryName(c.category(), lang));
        m.put("unit", c.unit());
        m.put("unitName", work.unitName(c.unit(), lang));
        m.put("due", c.due() == null ? null : c.due().toEpochMilli());
        m.put("dueWorkingMillis", c.due() == null ? null : workingTime.between(now, c.due()).toMillis());
        m.put("overdue", c.overdue(now));
        m.put("supervised", c.supervised());
        m.put("claimedByName", c.claimedByName());
        m.put("openedAt", c.openedAt().toEpochMilli());
        return m;
    }

    /** How long an office day is, so a page can show working time as days and hours. */
    long workingDayMillis() {
        return workingTime.workingDay().toMillis();
    }

    /** Office time left until {@code due}, negative when missed; null without a deadline. */
    Long workingLeft(Instant due) {
        return due == null ? null : workingTime.between(clock.instant(), due).toMillis();
    }
}
