package com.teahouse.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The published digest with one draft entry added or replacing the entry of the same id, for trying a question
 * before publishing. {@code view} is empty when the draft has errors; {@code problems} are the draft's own
 * findings (errors and warnings) at their line of the draft's Markdown.
 */
public record DraftDigest(Optional<DigestView> view, List<Problem> problems) {

    public DraftDigest {
        problems = List.copyOf(problems);
    }

    /** One finding in the draft: 1-based line, whether it blocks, and what is wrong. */
    public record Problem(int line, boolean error, String message) {
    }
}
