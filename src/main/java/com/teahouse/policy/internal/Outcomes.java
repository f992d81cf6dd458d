package com.teahouse.policy.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.teahouse.knowledge.DigestStore;

/** How a change to the digest is answered on HTTP: one place for the editor API's statuses and bodies. */
final class Outcomes {

    /** A history note is a line of text, not a document. */
    static final int MAX_NOTE = 500;

    private Outcomes() {
    }

    static ResponseEntity<?> of(DigestStore.Outcome outcome) {
        if (outcome instanceof DigestStore.Outcome.Published p) {
            return ResponseEntity.ok(Map.of("version", p.version()));
        }
        if (outcome instanceof DigestStore.Outcome.Rejected r) {
            return unprocessable(r.problems());
        }
        if (outcome instanceof DigestStore.Outcome.Conflict c) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error",
                    "someone else published this first; reload it and apply your change again",
                    "version", c.currentVersion()));
        }
        return notFound();
    }

    static ResponseEntity<?> unprocessable(List<DigestStore.Finding> problems) {
        return ResponseEntity.unprocessableEntity().body(Map.of("problems", problems(problems)));
    }

    static List<Map<String, Object>> problems(List<DigestStore.Finding> problems) {
        return problems.stream().map(f -> Map.<String, Object>of("line", f.line(), "message", f.message(),
                "severity", f.error() ? "error" : "warning")).toList();
    }

    static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such entry"));
    }

    static ResponseEntity<?> badId() {
        return ResponseEntity.unprocessableEntity().body(Map.of("problems", List.of(Map.of("line", 1, "message",
                "an id is lower-case letters, digits and '-', at most 80 characters", "severity", "error"))));
    }

    static String note(String note) {
        String n = note == null ? "" : note.strip().replaceAll("\\s+", " ");
        return n.length() > MAX_NOTE ? n.substring(0, MAX_NOTE) : n;
    }
}
