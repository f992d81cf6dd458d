package com.teahouse.cases.internal;

import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseWork;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The product's own desks (OwnerDesk, StaffDesk, MergeDesk, Workflow, CaseTally, MergeFollowers, the deadline
 * scheduler's firing) built on a {@link PipelinedStore}, for loading many cases fast: every change is the product's
 * change, written by the product's Lua script with the keys and arguments the product builds, but the scripts of
 * a batch travel in one pipeline and the reads in between come from {@link LoadedCases}. Call {@link #begin}, play
 * a batch ({@link CaseHistories#play}), then {@link #sync}.
 *
 * <p>Left out, as nothing a report reads depends on them: the notices (there is nobody to tell), the listeners of
 * other modules (Telegram topics, the console's live view and search) and the 并单 candidate detection. The merge
 * followers do run (a group's reply, decline and reopening reach its members). Tracking numbers count from
 * {@code firstSeq} on each day, so they never meet the numbers the hotline hands out (from 1).
 */
public final class PipelinedDesks implements CaseHistories.Desks {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final MutableClock clock = new MutableClock(Instant.EPOCH);
    private final LoadedCases loaded = new LoadedCases();
    private final PipelinedScripts scripts;
    private final OwnerDesk desk;
    private final StaffDesk work;
    private final MergeDesk merges;
    private final DeadlineScheduler scheduler;
    private MergeFollowers followers;

    public PipelinedDesks(ApplicationContext app, int firstSeq) {
        RedisStore redis = app.getBean(RedisStore.class);
        Catalogue catalogue = app.getBean(Catalogue.class);
        WorkCalendar calendar = app.getBean(WorkCalendar.class);
        CasesProperties props = app.getBean(CasesProperties.class);
        NoticeCodec notices = app.getBean(NoticeCodec.class);
        scripts = new PipelinedScripts(redis, loaded);
        CaseTally tally = new CaseTally(redis, calendar) {
            @Override
            Map<String, String> read(String t) {
                return new HashMap<>(loaded.hash(t));
            }
        };
        PipelinedStore store = new PipelinedStore(redis, scripts, tally, loaded);
        // the hotline's group follows A from the notices stream (CaseNotices); the loader writes no notices, so
        // it hands each event to the followers at once, as one stream entry of its own
        AtomicLong entries = new AtomicLong();
        ApplicationEventPublisher events = event -> {
            if (event instanceof CaseEvent e) {
                followers.follow("load-" + entries.incrementAndGet(), List.of(e));
            }
        };
        CaseTransitions transitions = new CaseTransitions(store, events, tally, notices, calendar, props);
        Workflow workflow = new Workflow(store, calendar, catalogue, props, clock, transitions);
        OwnerWorkflow owners = new OwnerWorkflow(store, calendar, catalogue, clock, transitions);
        merges = new MergeDesk(store, redis, calendar, props, clock, events, notices) {
            @Override
            public List<String> group(String a) {
                return loaded.group(a);
            }
        };
        followers = new MergeFollowers(store, merges, owners, props, clock, events, notices);
        scheduler = new DeadlineScheduler(redis, scripts, new ClockWorkflow(store, props, clock, transitions), props,
                clock);
        Map<String, Long> seq = new HashMap<>();
        TrackingNumbers numbers = new TrackingNumbers(redis, clock, props) {
            @Override
            String next() {
                String day = LocalDate.now(clock.withZone(props.zone())).format(DAY);
                return format(props.prefix(), day, seq.merge(day, (long) firstSeq, (a, b) -> a + 1));
            }
        };
        desk = new OwnerDesk(store, numbers, catalogue, calendar, owners, scheduler, clock, events,
                app.getBean(CasePolicy.class));
        work = new StaffDesk(store, new CaseEventLog(redis), new OpenQueue(redis, store, scripts), workflow, catalogue,
                redis, clock, scripts);
    }

    /** Starts a batch. */
    public void begin() {
        scripts.begin();
    }

    /** Sends the batch's scripts, checks every answer, forgets the batch; returns how many scripts ran. */
    public int sync() {
        try {
            return scripts.sync();
        } finally {
            loaded.clear();
        }
    }

    @Override
    public CaseDesk desk() {
        return desk;
    }

    @Override
    public CaseWork work() {
        return work;
    }

    @Override
    public CaseMerging merging() {
        return merges;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public LoadedCases.Item nextDue(Instant limit) {
        return loaded.nextDue(limit.toEpochMilli());
    }

    @Override
    public boolean fire(String tracking, String kind) {
        return scheduler.fireNow(tracking, kind);
    }
}
