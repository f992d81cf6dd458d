package com.teahouse.knowledge.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays one draft entry over a serving generation: parses and checks the draft as if it were
 * {@code entries/<id>.md} of {@code dir}, and builds a temporary in-memory index of the published entries with the
 * draft added or replacing its namesake. The serving generation is never touched. Builds share one analysis cache,
 * so after the first one only the draft's own fields are analysed again.
 */
public final class DraftOverlay {

    /** The overlaid generation (absent when the draft has errors) and the draft's own problems. */
    public record Result(Optional<IndexSnapshot> snapshot, List<Problem> problems) {
    }

    private static final AnalysisCache CACHE = new AnalysisCache();

    private DraftOverlay() {
    }

    public static Result overlay(IndexSnapshot base, Path dir, String id, String markdown, LocalDate today) {
        Path file = dir.resolve(DigestLoader.ENTRIES).resolve(".draft").resolve((id == null || id.isBlank() ? "draft" : id) + ".md");
        LoadReport report = new LoadReport();
        SourceCatalog catalog = SourceCatalog.load(dir.resolve(DigestLoader.SOURCES), new LoadReport());
        Optional<Entry> parsed = EntryParser.parse(file, markdown == null ? "" : markdown, report);
        if (parsed.isEmpty()) {
            return new Result(Optional.empty(), own(report, file));
        }
        Entry draft = parsed.get();
        if (id != null && !id.isBlank() && !draft.id().equals(id)) {
            report.add(Problem.error(file, idLine(markdown), "the draft's id '" + draft.id()
                    + "' is not the entry being edited ('" + id + "')"));
        }
        Map<String, Entry> entries = new LinkedHashMap<>(base.byId());
        entries.remove(id);
        entries.put(draft.id(), draft);
        // the validator's file checks read the file's lines: check the draft alone, against the catalogue (its path
        // is not on disk, so line lookups of the validator fall back to line 1 rather than read a published file)
        EntryValidator.validate(List.of(draft), catalog, today, report);
        List<Problem> problems = own(report, file);
        if (problems.stream().anyMatch(Problem::isError)) {
            return new Result(Optional.empty(), problems);
        }
        List<Entry> all = new ArrayList<>(entries.values());
        all.replaceAll(e -> e == draft ? draft.resolved(catalog) : e);
        IndexSnapshot built;
        synchronized (CACHE) {
            built = IndexBuilder.build(all, base.synonyms(), -base.generation(), CACHE);
        }
        return new Result(Optional.of(built.withRanking(base.calibration(), base.entities())), problems);
    }

    private static int idLine(String markdown) {
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("id:")) {
                return i + 1;
            }
        }
        return 1;
    }

    private static List<Problem> own(LoadReport report, Path file) {
        return report.problems().stream().filter(p -> p.file().equals(file)).toList();
    }
}
