package com.teahouse.policy.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.teahouse.knowledge.DigestView;
import com.teahouse.knowledge.DraftDigest;
import com.teahouse.knowledge.PolicyDigest;

/**
 * A draft entry sent with a try or a bulk check: {@code id} is the entry it adds or replaces, {@code markdown} its
 * whole file. Absent: the published digest as it is.
 */
record DraftRequest(String id, String markdown) {

    /** Larger than any entry the digest holds, small enough to analyse at once. */
    static final int MAX_CHARS = 64 * 1024;

    /** The digest to ask: the published one, or the published one with this draft laid over it. */
    static Outcome view(PolicyDigest digest, DraftRequest draft) {
        if (draft == null) {
            return new Outcome(Optional.of(digest.published()), List.of());
        }
        if (draft.markdown() == null || draft.markdown().isBlank()) {
            return problem("the draft is empty");
        }
        if (draft.markdown().length() > MAX_CHARS) {
            return problem("the draft is longer than " + MAX_CHARS + " characters");
        }
        DraftDigest d = digest.withDraft(draft.id(), draft.markdown());
        return new Outcome(d.view(), d.problems());
    }

    private static Outcome problem(String message) {
        return new Outcome(Optional.empty(), List.of(new DraftDigest.Problem(1, true, message)));
    }

    /** The view to ask (empty when the draft has errors) and the draft's problems. */
    record Outcome(Optional<DigestView> view, List<DraftDigest.Problem> problems) {

        /** The problems as the API shows them: {@code {line, message, severity}}. */
        List<Map<String, Object>> json() {
            return problems.stream().map(p -> Map.<String, Object>of("line", p.line(), "message", p.message(),
                    "severity", p.error() ? "error" : "warning")).toList();
        }
    }
}
