package com.teahouse.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.teahouse.knowledge.internal.DigestFollower;
import com.teahouse.knowledge.internal.DigestRepository;
import com.teahouse.knowledge.internal.DigestValidation;
import com.teahouse.knowledge.internal.KnowledgeReloader;

/**
 * The published digest as documents with versions (entries, synonyms.txt, sources.yaml…, each a knowledge/ file
 * path): read, check, publish, withdraw, roll back, history, export. Every change gets the checks of {@code kb check}
 * on the would-be digest before anything is written (a changed entry against the digest this instance serves, see
 * {@link DigestValidation#checkEntry}; anything else as a whole), and is written atomically under an optimistic
 * version and revision check; every instance follows the published revision (see {@link DigestStore#revision()}).
 */
public final class DigestStore {

    /** The path of entry {@code id}'s document. */
    public static String entryPath(String id) {
        return "entries/" + id + ".md";
    }

    public static final String SYNONYMS = "synonyms.txt";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    /** A published document and its version. */
    public record Document(String path, String text, int version) {
    }

    /** One version in a document's history; {@code action} is publish, withdraw or rollback. */
    public record Version(int version, String author, Instant at, String note, String action) {
    }

    /** A kb check finding at a 1-based line of the edited document (other files are named in the message). */
    public record Finding(int line, String message, boolean error) {
    }

    /** What a change did. */
    public sealed interface Outcome {
        record Published(int version) implements Outcome {
        }

        record Rejected(List<Finding> problems) implements Outcome {
        }

        record Conflict(int currentVersion) implements Outcome {
        }

        record NotFound() implements Outcome {
        }
    }

    private final DigestRepository repository;
    private final DigestValidation validation;
    private final DigestFollower follower;
    private final DigestChecks checks;
    private final Clock clock;

    DigestStore(DigestRepository repository, DigestValidation validation, DigestFollower follower,
            KnowledgeReloader serving, Clock clock) {
        this.repository = repository;
        this.validation = validation;
        this.follower = follower;
        this.checks = new DigestChecks(repository, validation, follower, serving, clock);
        this.clock = clock;
    }

    /** Whether {@code id} may name an entry (also keeps paths inside knowledge/entries). */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public Optional<Document> document(String path) {
        return repository.text(path).map(t -> new Document(path, t, repository.version(path)));
    }

    /** The latest version number of a document, 0 when it never existed. */
    public int version(String path) {
        return repository.version(path);
    }

    public List<Version> history(String path) {
        return repository.history(path).stream()
                .map(v -> new Version(v.version(), v.author(), v.at(), v.note(), v.action())).toList();
    }

    /** The text of one version; empty when there is no such version or it is a withdrawal. */
    public Optional<String> text(String path, int version) {
        return repository.version(path, version).map(DigestRepository.Version::text);
    }

    /** kb check of the digest with {@code text} in place of {@code path}; nothing is written. */
    public List<Finding> check(String path, String text) {
        return DigestChecks.findings(path, checks.validate(checks.published(), path, text), true);
    }

    /** The draft entry as the chat would give it, in "zh" or "en"; empty when it does not parse. */
    public Optional<DigestHit> preview(String markdown, String lang) {
        if (!validation.hasCatalog()) {
            validation.check(follower.files(), LocalDate.now(clock));
        }
        return validation.preview(markdown, lang);
    }

    /**
     * Publishes {@code text} as {@code path} if the document is at {@code expectedVersion} (null: whatever it is; 0:
     * a new document). A new entry whose id is already published is rejected as a duplicate.
     */
    public Outcome publish(String path, String text, Integer expectedVersion, String author, String note) {
        if (expectedVersion != null && expectedVersion == 0 && repository.text(path).isPresent()) {
            return new Outcome.Rejected(List.of(new Finding(lineOf(text, "id:"), "duplicate id: an entry '"
                    + path.replaceAll("^entries/|\\.md$", "") + "' is already published", true)));
        }
        Integer expected = expectedVersion != null && expectedVersion == 0 ? Integer.valueOf(repository.version(path))
                : expectedVersion;
        return change(path, text, expected, author, note, "publish");
    }

    /** Withdraws a published document; its history stays. */
    public Outcome withdraw(String path, Integer expectedVersion, String author, String note) {
        if (repository.text(path).isEmpty()) {
            return new Outcome.NotFound();
        }
        return change(path, null, expectedVersion, author, note, "withdraw");
    }

    /** Publishes an earlier version's text again, as a new version. */
    public Outcome rollback(String path, int toVersion, String author, String note) {
        Optional<String> old = text(path, toVersion);
        if (old.isEmpty() || old.get() == null) {
            return new Outcome.NotFound();
        }
        String why = (note == null || note.isBlank() ? "" : note + " ") + "(rollback to version " + toVersion + ")";
        return change(path, old.get(), null, author, why.strip(), "rollback");
    }

    private Outcome change(String path, String text, Integer expectedVersion, String author, String note,
            String action) {
        for (int attempt = 0; attempt < 5; attempt++) {
            DigestRepository.Published now = checks.published();
            // kb check's warnings block too, except the notice that an entry has expired: publishing an expiry
            // that has passed is how an entry is kept on record while it is no longer answered
            List<Finding> blocking = DigestChecks.findings(path, checks.validate(now, path, text), text != null).stream().filter(f -> f.error() || !f.message().startsWith("entry expired on ")).toList();
            if (!blocking.isEmpty()) {
                return new Outcome.Rejected(blocking);
            }
            DigestRepository.Write w = repository.write(path, expectedVersion, now.revision(), text, author, note,
                    action, clock.instant());
            if (w.conflict()) {
                return new Outcome.Conflict((int) w.current());
            }
            if (!w.stale()) {
                return new Outcome.Published(w.version()); // every follower, this one too, wakes on the change log
            }
            // another document was published between the check and the write: check again against it
        }
        return new Outcome.Conflict(repository.version(path));
    }

    private static int lineOf(String text, String prefix) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        return 1;
    }

    /** The digest revision this instance serves (each publish raises the published one). */
    public long revision() {
        return follower.served();
    }

    /** The published revision in Redis. */
    public long publishedRevision() {
        return repository.revision();
    }

    /** The published files, path → text. */
    public Map<String, String> files() {
        return new TreeMap<>(repository.read().files());
    }
}
