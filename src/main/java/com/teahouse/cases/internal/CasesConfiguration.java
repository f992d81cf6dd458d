package com.teahouse.cases.internal;

import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.cases.CasePolicy;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CasesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CasesConfiguration.class);

    /** Deadlines read the time from this bean, so tests can move it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The one authorization policy; the reopen window counts from the last closing in the event log. */
    @Bean
    CasePolicy casePolicy(Clock clock, CaseEventLog eventLog) {
        return new CasePolicy(clock, t -> eventLog.history(t).stream().filter(e -> "closed".equals(e.to()))
                .reduce((a, b) -> b).map(CaseHistoryEntry::at));
    }

    @Bean
    WorkCalendar workCalendar(CasesProperties props, Clock clock) {
        WorkCalendar calendar = WorkCalendar.load(props.zone());
        int year = LocalDate.now(clock.withZone(props.zone())).getYear();
        if (!calendar.covers(year) || !calendar.covers(year + 1)) {
            log.warn("calendar/cn-workdays.yaml does not cover {} and {}: deadlines there skip weekends only",
                    year, year + 1);
        }
        return calendar;
    }
}
