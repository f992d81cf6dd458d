package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Reads a knowledge directory: sources.yaml, synonyms.txt and entries/*.md. It never throws for
 * content problems; the caller decides from the report whether the result may be served.
 */
public final class DigestLoader {

    public static final String ENTRIES = "entries";
    public static final String SOURCES = "sources.yaml";
    public static final String SYNONYMS = "synonyms.txt";

    /** The loaded digest and what was wrong with it. */
    public record Loaded(List<Entry> entries, SynonymRules synonyms, SourceCatalog catalog, LoadReport report,
                         Calibration calibration, EntityLexicon entities) {
    }

    private DigestLoader() {
    }

    public static Loaded load(Path dir, LocalDate today) {
        return load(dir, today, new ParseCache());
    }

    /**
     * Parsed entries of the previous load, by file: a file whose text is unchanged is not parsed
     * again (its problems are replayed), so a reload after editing one file parses one file.
     * Only the files of the latest load are kept. Thread-safe.
     */
    public static final class ParseCache {
        record Parsed(String text, Optional<Entry> entry, List<Problem> problems) {
        }

        private volatile java.util.Map<Path, Parsed> previous = java.util.Map.of();
        private volatile java.util.Map<Path, Parsed> current = new java.util.concurrent.ConcurrentHashMap<>();

        synchronized void begin() {
            previous = current.isEmpty() ? previous : current;
            current = new java.util.concurrent.ConcurrentHashMap<>();
        }

        Optional<Entry> parse(Path file, String text, LoadReport report) {
            Parsed p = previous.get(file);
            if (p == null || !p.text().equals(text)) {
                LoadReport own = new LoadReport();
                Optional<Entry> entry = EntryParser.parse(file, text, own);
                MarkupRule.check(file, text.lines().toList(), own);
                p = new Parsed(text, entry, own.problems());
            }
            current.put(file, p);
            p.problems().forEach(report::add);
            return p.entry();
        }
    }

    public static Loaded load(Path dir, LocalDate today, ParseCache cache) {
        cache.begin();
        LoadReport report = new LoadReport();
        if (!Files.isDirectory(dir)) {
            report.add(Problem.error(dir, 1, "knowledge directory does not exist"));
            return new Loaded(List.of(), SynonymRules.empty(), SourceCatalog.empty(), report, Calibration.DEFAULT,
                    EntityLexicon.empty());
        }
        // the synonyms need smartcn, whose dictionaries load on first use (about a second), and the two YAML files
        // need Jackson's YAML classes loaded: single-threaded start-up work that runs beside the entries' parsing
        CompletableFuture<SynonymRules> synonyms = beside(() -> SynonymRules.load(dir.resolve(SYNONYMS),
                DigestAnalyzers.zhForSynonyms(), DigestAnalyzers.enForSynonyms(), report));
        CompletableFuture<Calibration> calibration = beside(() -> Calibration.load(dir.resolve(Calibration.FILE),
                report).withRanker(LearnedRanker.load(dir.resolve(LearnedRanker.FILE), report)));
        CompletableFuture<EntityLexicon> entities = calibration.thenApply(c -> EntityLexicon.load(
                dir.resolve(EntityLexicon.FILE), report));
        SourceCatalog catalog = SourceCatalog.load(dir.resolve(SOURCES), report);
        List<Entry> entries = new ArrayList<>();
        Path entriesDir = dir.resolve(ENTRIES);
        if (!Files.isDirectory(entriesDir)) {
            report.add(Problem.error(entriesDir, 1, "entries directory is missing"));
        } else {
            // parsing is independent per file; two cores halve the start-up of a large digest
            entries.addAll(entryFiles(entriesDir, report).parallelStream()
                    .map(file -> parse(file, report, cache)).flatMap(Optional::stream).toList());
        }
        EntryValidator.validate(entries, catalog, today, report);
        java.util.Set<String> ids = new java.util.HashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        join(entities).unknownEntries(ids).forEach(id -> report.add(Problem.warning(dir.resolve(EntityLexicon.FILE), 1,
                "entities.yaml names entry '" + id + "', which the digest does not have")));
        join(entities).subjects().problems(ids).forEach(p -> report.add(Problem.warning(dir.resolve(EntityLexicon.FILE),
                1, p)));
        return new Loaded(entries.stream().map(e -> e.resolved(catalog)).toList(), join(synonyms), catalog, report,
                join(calibration), join(entities));
    }

    /** Runs {@code work} on a thread of its own: the common pool is busy parsing entries. */
    private static <T> CompletableFuture<T> beside(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, r -> {
            Thread t = new Thread(r, "knowledge-load");
            t.setDaemon(true);
            t.start();
        });
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static Optional<Entry> parse(Path file, LoadReport report, ParseCache cache) {
        try {
            return cache.parse(file, Files.readString(file, StandardCharsets.UTF_8), report);
        } catch (IOException | RuntimeException e) {
            report.add(Problem.error(file, 1, "cannot read entry: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static List<Path> entryFiles(Path entriesDir, LoadReport report) {
        try (Stream<Path> files = Files.walk(entriesDir)) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        } catch (IOException e) {
            report.add(Problem.error(entriesDir, 1, "cannot list entries: " + e.getMessage()));
            return List.of();
        }
    }
}
