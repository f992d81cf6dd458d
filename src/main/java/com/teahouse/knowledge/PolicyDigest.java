package com.teahouse.knowledge;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import com.teahouse.knowledge.internal.DigestSearcher;
import com.teahouse.knowledge.internal.DraftOverlay;
import com.teahouse.knowledge.internal.QuestionTerms;
import com.teahouse.knowledge.internal.HandoffDetector;
import com.teahouse.knowledge.internal.KnowledgeReloader;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The policy digest: answers free-text questions from knowledge/ with a cited entry, or declines.
 * Thread-safe; every call works on one immutable index generation, so hot reloads never disturb it.
 */
public final class PolicyDigest implements AutoCloseable {

    /** Upper bound of {@code limit}; the HTTP API clamps to the same range. */
    public static final int MAX_LIMIT = 20;

    private final KnowledgeReloader reloader;
    private final DigestSearcher searcher;
    private final Path dir;
    /** Set when the digest follows the published versions in Redis (see {@link PublishedDigests}). */
    private volatile DigestStore store;
    private volatile AutoCloseable follower;

    /** Loads {@code dir} now (a missing dir gives an empty digest) and starts watching it when {@code poll} is set. */
    public PolicyDigest(Path dir, MeterRegistry registry, Duration poll) {
        this(dir, registry, poll, Clock.systemDefaultZone());
    }

    public PolicyDigest(Path dir, MeterRegistry registry, Duration poll, Clock clock) {
        this.reloader = new KnowledgeReloader(dir, registry, clock);
        this.searcher = new DigestSearcher();
        this.dir = dir;
        if (poll != null && !poll.isZero() && !poll.isNegative()) {
            reloader.start(poll);
        }
    }

    /**
     * Searches the digest.
     *
     * @param question the user's text as typed; never parsed as query syntax, capped at 300 characters
     * @param lang     "zh" or "en": the language of titles and answers in the result (the question
     *                 itself may be in either language)
     * @param limit    how many ranked results to return, clamped to 1..20
     */
    public DigestAnswer ask(String question, String lang, int limit) {
        return searcher.ask(reloader.current(), question, language(lang), clamp(limit), reloader.today());
    }

    /**
     * A follow-up question, read in the context of the entry the user was last answered with
     * (「那个体户呢？」 after an answer about large firms). {@code contextEntryId} may be null. A short or
     * unsure question is combined with the context's topic; its own party words stay decisive, and a
     * question confidently about something else is answered as it is.
     */
    public DigestAnswer ask(String question, String lang, int limit, String contextEntryId) {
        return ask(question, lang, limit, PreviousTurn.answered(contextEntryId));
    }

    /**
     * A follow-up read against the previous turn: the entry answered then, or, when none was, the question asked
     * then («a huge retail chain owes us…» declined, then "and if it were the district government?").
     */
    public DigestAnswer ask(String question, String lang, int limit, PreviousTurn previous) {
        return searcher.ask(reloader.current(), question, previous, language(lang), clamp(limit), reloader.today());
    }

    /** The search with "why this answer": features, calibrated probability and decision per result. */
    public DigestExplanation explain(String question, String lang, int limit) {
        return published().explain(question, lang, limit);
    }

    /** The serving generation, fixed: later reloads do not change what the view answers. */
    public DigestView published() {
        return new DigestView(reloader.current(), reloader.today());
    }

    /**
     * The serving generation with a draft entry added (or replacing the entry of {@code id}), in a temporary
     * in-memory index that nothing else sees; the draft's problems at their lines, and no view when it has errors.
     */
    public DraftDigest withDraft(String id, String markdown) {
        DraftOverlay.Result r = DraftOverlay.overlay(reloader.current(), dir, id, markdown, reloader.today());
        return new DraftDigest(r.snapshot().map(s -> new DigestView(s, reloader.today())),
                r.problems().stream().map(p -> new DraftDigest.Problem(p.line(), p.isError(), p.message())).toList());
    }

    /**
     * The analysed words of a text (both languages' query chains, synonyms applied, question words dropped), for
     * telling whether two phrasings ask the same thing.
     */
    public java.util.Set<String> terms(String text) {
        return QuestionTerms.of(reloader.current(), text);
    }

    static String language(String lang) {
        return "en".equalsIgnoreCase(lang == null ? "" : lang.strip()) ? "en" : "zh";
    }

    static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    /**
     * Whether the text asks for a person ("转人工", "talk to a human"): the same rule {@link #ask} applies first,
     * without a search, for callers that check every short message whatever the conversation is doing.
     */
    public boolean asksForPerson(String text) {
        return HandoffDetector.asksForPerson(text == null ? "" : text);
    }

    /** One entry by id (the "related" buttons), in "zh" or "en"; empty when it is gone or expired. */
    public java.util.Optional<DigestHit> entry(String id, String lang) {
        return searcher.entry(reloader.current(), id, "en".equalsIgnoreCase(lang) ? "en" : "zh", reloader.today());
    }

    /** Every entry of the serving generation, expired ones included, by id. */
    public java.util.List<EntrySummary> entries() {
        java.time.LocalDate today = reloader.today();
        return reloader.current().byId().values().stream()
                .sorted(java.util.Comparator.comparing(com.teahouse.knowledge.internal.Entry::id))
                .map(e -> new EntrySummary(e.id(), e.titleZh(), e.titleEn(),
                        e.sources().stream().map(com.teahouse.knowledge.internal.Entry.SourceRef::document).toList(),
                        e.department(), e.tags(), e.expires(), e.isExpired(today)))
                .toList();
    }

    /** Entries in the serving generation. */
    public int size() {
        return reloader.current().size();
    }

    /** Applies changed files of the directory (path → text, null when withdrawn); false when they have errors. */
    boolean apply(java.util.Map<String, String> changed) {
        return reloader.apply(changed);
    }

    KnowledgeReloader reloader() {
        return reloader;
    }

    /** Reloads now instead of waiting for the poller; false when the files have errors. */
    public boolean reloadNow() {
        return reloader.reload();
    }

    /** The language a question is written in, for callers that do not know the user's language. */
    public static String detectLanguage(String text) {
        long han = text == null ? 0 : text.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        long latin = text == null ? 0 : text.toLowerCase(Locale.ROOT).chars().filter(c -> c >= 'a' && c <= 'z').count();
        return han * 3 >= latin && han > 0 ? "zh" : latin > 0 ? "en" : "zh";
    }

    void attach(DigestStore store, AutoCloseable follower) {
        this.store = store;
        this.follower = follower;
    }

    /** The versioned store this digest follows; empty when it serves a directory (tests, kb check). */
    public java.util.Optional<DigestStore> store() {
        return java.util.Optional.ofNullable(store);
    }

    @Override
    public void close() {
        reloader.close();
        AutoCloseable f = follower;
        if (f != null) {
            try {
                f.close();
            } catch (Exception e) {
                // closing a poller and a temporary directory; nothing to recover
            }
        }
    }
}
