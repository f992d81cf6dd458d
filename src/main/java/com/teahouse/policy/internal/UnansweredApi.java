package com.teahouse.policy.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /policy/api/unanswered?days=30&sort=count|last|lang}: the lines of the unanswered list asked within
 * the last {@code days} and not handled since; {@code POST /policy/api/unanswered/{id}/handled} hides a line until
 * it is asked again.
 */
@RestController
class UnansweredApi {

    record Item(String id, String question, String lang, long count, String lastAsked, List<String> candidates,
                List<String> variants) {
    }

    static final int MAX_DAYS = 366;
    static final int MAX_ITEMS = 1_000;

    private final UnansweredList list;
    private final Clock clock;

    /** The application's clock when there is one (tests move it), else the system's. */
    UnansweredApi(UnansweredList list, ObjectProvider<Clock> clock) {
        this.list = list;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping("/policy/api/unanswered")
    ResponseEntity<Map<String, Object>> list(@RequestParam(value = "days", defaultValue = "30") int days,
                                             @RequestParam(value = "sort", defaultValue = "count") String sort) {
        if (days < 1 || days > MAX_DAYS) {
            return ResponseEntity.badRequest().body(Map.of("message", "days must be 1 to " + MAX_DAYS));
        }
        UnansweredList.Sort order;
        try {
            order = UnansweredList.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("message", "sort must be count, last or lang"));
        }
        List<Item> items = list.since(clock.instant().minus(Duration.ofDays(days)), order, MAX_ITEMS).stream()
                .map(l -> new Item(l.id(), l.question(), l.lang(), l.count(), l.lastAsked().toString(),
                        l.candidates(), l.variants())).toList();
        return ResponseEntity.ok(Map.of("items", items));
    }

    @PostMapping("/policy/api/unanswered/{id}/handled")
    ResponseEntity<Map<String, Object>> handled(@PathVariable String id) {
        if (!id.matches("\\d{1,18}") || !list.handled(id, clock.instant())) {
            return ResponseEntity.status(404).body(Map.of("message", "no such unanswered question"));
        }
        return ResponseEntity.ok(Map.of("id", id, "handled", true));
    }
}
