package com.teahouse.policy.internal;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.teahouse.knowledge.DigestStore;
import com.teahouse.knowledge.EntrySummary;
import com.teahouse.knowledge.PolicyDigest;

/**
 * Entries of the published digest: list and search, read, publish, withdraw, history and rollback. Every change is
 * answered by {@link Outcomes}: 200 with the version, 422 with the problems at their lines, 409 on a conflict.
 */
@RestController
@RequestMapping("/policy/api")
class EntriesApi {

    /** A publish: the Markdown, a note for the history, and the version the editor started from (0: new). */
    record Publish(String markdown, String note, Integer version) {
    }

    record Rollback(Integer version, String note) {
    }

    private final DigestStore store;
    private final DigestAudit audit;
    private final PolicyDigest digest;
    private final java.time.Clock clock;

    EntriesApi(DigestStore store, DigestAudit audit, PolicyDigest digest, java.time.Clock clock) {
        this.store = store;
        this.audit = audit;
        this.digest = digest;
        this.clock = clock;
    }

    /** Entries whose id, titles, documents, department or tags contain {@code q}, optionally only expiring ones. */
    @GetMapping("/entries")
    Map<String, Object> list(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Integer expiringDays) {
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<EntrySummary> items = digest.entries().stream().filter(e -> needle.isEmpty() || matches(e, needle))
                .filter(e -> expiringDays == null || expiringWithin(e, expiringDays)).toList();
        return Map.of("items", items, "revision", store.revision());
    }

    /** Entries whose expiry is within {@code days} or past: the expired ones are no longer answered. */
    @GetMapping("/expiring")
    Map<String, Object> expiring(@RequestParam(defaultValue = "30") int days) {
        return Map.of("items", digest.entries().stream().filter(e -> expiringWithin(e, days)).toList());
    }

    private boolean expiringWithin(EntrySummary e, int days) {
        return e.expires() != null && !e.expires().isAfter(LocalDate.now(clock).plusDays(Math.max(0, days)));
    }

    private static boolean matches(EntrySummary e, String needle) {
        return contains(e.id(), needle) || contains(e.titleZh(), needle) || contains(e.titleEn(), needle)
                || contains(e.department(), needle) || e.documents().stream().anyMatch(d -> contains(d, needle))
                || e.tags().stream().anyMatch(t -> contains(t, needle))
                || (e.expires() != null && e.expires().toString().contains(needle));
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    @GetMapping("/entries/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        if (!DigestStore.validId(id)) {
            return Outcomes.notFound();
        }
        return store.document(DigestStore.entryPath(id))
                .<ResponseEntity<?>>map(d -> ResponseEntity.ok(Map.of("id", id, "markdown", d.text(),
                        "version", d.version())))
                .orElseGet(Outcomes::notFound);
    }

    @PutMapping("/entries/{id}")
    ResponseEntity<?> publish(@PathVariable String id, @RequestBody Publish body, Principal who) {
        if (!DigestStore.validId(id)) {
            return Outcomes.badId();
        }
        if (body.markdown() == null || body.markdown().isBlank()) {
            return Outcomes.unprocessable(List.of(new DigestStore.Finding(1, "the entry is empty", true)));
        }
        String path = DigestStore.entryPath(id);
        return Outcomes.of(audit.record(who, "digest.publish", path, store.publish(path, body.markdown(),
                body.version(), who.getName(), Outcomes.note(body.note()))));
    }

    @DeleteMapping("/entries/{id}")
    ResponseEntity<?> withdraw(@PathVariable String id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String note, Principal who) {
        if (!DigestStore.validId(id)) {
            return Outcomes.notFound();
        }
        String path = DigestStore.entryPath(id);
        return Outcomes.of(audit.record(who, "digest.withdraw", path,
                store.withdraw(path, version, who.getName(), Outcomes.note(note))));
    }

    @GetMapping("/entries/{id}/history")
    ResponseEntity<?> history(@PathVariable String id) {
        if (!DigestStore.validId(id) || store.version(DigestStore.entryPath(id)) == 0) {
            return Outcomes.notFound();
        }
        return ResponseEntity.ok(Map.of("versions", store.history(DigestStore.entryPath(id))));
    }

    @PostMapping("/entries/{id}/rollback")
    ResponseEntity<?> rollback(@PathVariable String id, @RequestBody Rollback body, Principal who) {
        if (!DigestStore.validId(id) || body.version() == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such version"));
        }
        String path = DigestStore.entryPath(id);
        return Outcomes.of(audit.record(who, "digest.rollback", path,
                store.rollback(path, body.version(), who.getName(), Outcomes.note(body.note()))));
    }
}
