package com.teahouse.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.teahouse.knowledge.DigestStore.Finding;
import com.teahouse.knowledge.internal.DigestFollower;
import com.teahouse.knowledge.internal.DigestRepository;
import com.teahouse.knowledge.internal.DigestValidation;
import com.teahouse.knowledge.internal.KnowledgeReloader;

/** What {@link DigestStore} checks a change against, and how: the published files, kb check, findings by line. */
final class DigestChecks {

    private final DigestRepository repository;
    private final DigestValidation validation;
    private final DigestFollower follower;
    private final KnowledgeReloader serving;
    private final Clock clock;

    DigestChecks(DigestRepository repository, DigestValidation validation, DigestFollower follower,
            KnowledgeReloader serving, Clock clock) {
        this.repository = repository;
        this.validation = validation;
        this.follower = follower;
        this.serving = serving;
        this.clock = clock;
    }

    /**
     * The published files: this instance's copy when it serves the latest revision (catching up first, which costs
     * only the changed documents), else read from Redis.
     */
    DigestRepository.Published published() {
        long served = follower.served();
        if (served != repository.revision() && follower.catchUp()) {
            served = follower.served();
        }
        return served == repository.revision() ? new DigestRepository.Published(served, follower.files())
                : repository.read();
    }

    /**
     * kb check of {@code now} with {@code text} (null: withdrawn) as {@code path}. A changed entry of the revision
     * this instance serves is checked against its serving generation; if that generation moved on meanwhile, the
     * write's revision check refuses the write and the change is checked again.
     */
    List<DigestValidation.Finding> validate(DigestRepository.Published now, String path, String text) {
        LocalDate today = LocalDate.now(clock);
        if (now.files() == follower.files() && now.revision() == follower.served()
                && DigestValidation.isEntry(path)) {
            return validation.checkEntry(serving.current(), serving.catalog(), path, text, today);
        }
        Map<String, String> files = new HashMap<>(now.files());
        if (text == null) {
            files.remove(path);
        } else {
            files.put(path, text);
        }
        return validation.check(files, today);
    }

    /** Findings of the edited document at their lines, and errors elsewhere (e.g. a duplicate) named by file. */
    static List<Finding> findings(String path, List<DigestValidation.Finding> all, boolean withWarnings) {
        return all.stream().filter(f -> f.path().equals(path) ? (f.error() || withWarnings) : f.error())
                .map(f -> f.path().equals(path) ? new Finding(f.line(), f.message(), f.error())
                        : new Finding(1, f.path() + ":" + f.line() + ": " + f.message(), f.error()))
                .toList();
    }

}
