package com.teahouse.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.cases.CaseState;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.testsupport.MutableClock;
import com.teahouse.testsupport.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The app stops in the middle of a case; a new one on the same data dir carries on, deadlines included. */
class RestartMidCaseIT {

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void aCaseAndItsDeadlinesSurviveARestart() throws Exception {
        Path data = Files.createTempDirectory("restart");
        MutableClock clock = new MutableClock(at("2026-03-02T10:00"));
        Address owner = Address.of("telegram", "555");
        String t;
        String submission = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext first = TestApps.start(data, null, clock, Map.of())) {
            t = first.getBean(CaseDesk.class).open(Requests.complaint(submission, owner, false)).trackingNumber();
            first.getBean(CaseWork.class).claim(t, new Actor("tg:1", "李工"), null);
        }
        try (ConfigurableApplicationContext second = TestApps.start(data, null, clock, Map.of())) {
            CaseDesk desk = second.getBean(CaseDesk.class);
            assertEquals(t, desk.open(Requests.complaint(submission, owner, false)).trackingNumber(),
                    "the same submission still finds its case");
            assertEquals("claimed", desk.find(t, owner).orElseThrow().state());
            clock.set(at("2026-03-09T17:31"));
            second.getBean(DeadlineScheduler.class).runOnce();
            CaseWork work = second.getBean(CaseWork.class);
            assertTrue(work.get(t).orElseThrow().supervised(), "the reply deadline fired after the restart");
            assertTrue(work.resolve(t, new Actor("tg:1", "李工"), "已解决", null).done());
            assertEquals(CaseState.REPLIED, work.get(t).orElseThrow().state());
            assertEquals(java.util.List.of("open", "dispatch", "claim", "remind", "supervise", "resolve"),
                    work.history(t).stream().map(CaseHistoryEntry::type).toList());
        }
    }
}
