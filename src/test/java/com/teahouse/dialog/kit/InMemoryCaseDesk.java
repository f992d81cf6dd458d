package com.teahouse.dialog.kit;

import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseSummary;
import com.teahouse.messaging.Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST ONLY: a case desk in memory, until the real cases module is merged into this branch. Idempotent on the
 * submission id like the real one must be; records ratings, "not solved" and takeovers for the scripts to check.
 */
public final class InMemoryCaseDesk implements CaseDesk {

    public record Opened(CaseRequest request, CaseSummary summary) {
    }

    public record Rated(String tracking, Address owner, Rating rating, String comment) {
    }

    public static final InMemoryCaseDesk SHARED = new InMemoryCaseDesk();

    private final Map<String, Opened> bySubmission = new ConcurrentHashMap<>();
    private final List<Opened> opened = new CopyOnWriteArrayList<>();
    private final List<Rated> ratings = new CopyOnWriteArrayList<>();
    private final List<String> notSolved = new CopyOnWriteArrayList<>();
    private final Map<Address, Address> takeovers = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    @Override
    public CaseSummary open(CaseRequest request) {
        return bySubmission.computeIfAbsent(request.submissionId(), id -> {
            String tracking = String.format("QY-261127-%04d-%s", sequence.incrementAndGet(), "7");
            var summary = new CaseSummary(tracking, "new", request.category(), "市营商环境投诉中心", Instant.now(),
                    Instant.now().plus(Duration.ofDays(7)));
            Opened o = new Opened(request, summary);
            opened.add(o);
            return o;
        }).summary();
    }

    @Override
    public List<CaseSummary> casesOf(Address owner) {
        List<CaseSummary> mine = new ArrayList<>();
        opened.stream().filter(o -> o.request().owner().equals(owner)).forEach(o -> mine.add(0, o.summary()));
        return mine;
    }

    @Override
    public Optional<CaseSummary> find(String trackingNumber, Address owner) {
        return opened.stream().filter(o -> o.request().owner().equals(owner))
                .map(Opened::summary).filter(s -> s.trackingNumber().equals(trackingNumber)).findFirst();
    }

    @Override
    public Optional<Address> takeoverOf(Address owner) {
        return Optional.ofNullable(takeovers.get(owner));
    }

    @Override
    public void rate(String trackingNumber, Address owner, Rating rating, String comment) {
        ratings.add(new Rated(trackingNumber, owner, rating, comment));
    }

    @Override
    public void notSolved(String trackingNumber, Address owner, String note) {
        notSolved.add(trackingNumber);
    }

    public void takeOver(Address owner, Address topic) {
        takeovers.put(owner, topic);
    }

    public void handBack(Address owner) {
        takeovers.remove(owner);
    }

    public List<Opened> opened() {
        return opened;
    }

    public List<Rated> ratings() {
        return ratings;
    }

    public List<String> notSolved() {
        return notSolved;
    }
}
