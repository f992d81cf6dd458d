package com.teahouse.knowledge.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * kb check of a few changed entry files against a digest that passed it. Every rule of kb check that concerns an
 * entry looks at that entry alone (parse, markup, citations against sources.yaml, text rules, dates, lengths)
 * except one: an id may be used once. So the changed files are checked alone, against the citation list, and their
 * ids against the ids the unchanged files hold; the other files cannot have gained a problem. Changes to anything
 * but entries (sources.yaml, synonyms…) are checked as a whole digest by the callers.
 */
final class EntryChanges {

    /** The changed entries (resolved against the citation list), the ids withdrawn, and what kb check reports. */
    record Checked(List<Entry> upserts, Set<String> removed, LoadReport report) {
    }

    private EntryChanges() {
    }

    static boolean onlyEntries(java.util.Collection<String> paths) {
        return paths.stream().allMatch(p -> p.startsWith(DigestLoader.ENTRIES + "/") && p.endsWith(".md"));
    }

    /**
     * @param dir       where the changed files are written (path relative to it → text, null when withdrawn)
     * @param published the digest's entries now, by id (their files may be in another directory)
     */
    static Checked check(Path dir, Map<String, String> changed, Map<String, Entry> published, SourceCatalog catalog,
                         LocalDate today, DigestLoader.ParseCache cache) {
        LoadReport report = new LoadReport();
        Map<String, String> idOfPath = new HashMap<>();
        Map<String, Path> paths = new HashMap<>();
        changed.keySet().forEach(p -> paths.put(p, Path.of(p)));
        paths.forEach((path, p) -> heldBy(p, published).ifPresent(id -> idOfPath.put(path, id)));
        List<Entry> parsed = new ArrayList<>();
        Set<String> removed = new HashSet<>(idOfPath.values());
        for (Map.Entry<String, String> c : changed.entrySet()) {
            if (c.getValue() != null) {
                Optional<Entry> e = cache.parse(dir.resolve(c.getKey()), c.getValue(), report);
                e.ifPresent(parsed::add);
            }
        }
        EntryValidator.validate(parsed, catalog, today, report);
        for (Entry e : parsed) {
            Entry other = published.get(e.id());
            if (other != null && paths.values().stream().noneMatch(p -> other.file().endsWith(p))) {
                report.add(Problem.error(e.file(), EntryValidator.lineOf(e.file(), "id:"), "duplicate id '" + e.id()
                        + "' (also in " + other.file().getFileName() + ")"));
            }
            removed.remove(e.id());
        }
        return new Checked(parsed.stream().map(e -> e.resolved(catalog)).toList(), removed, report);
    }

    /**
     * The id of the published entry whose file is {@code path}. A file is named after its id (the workspace
     * writes {@code entries/<id>.md}), so the namesake is tried first; only a path no namesake holds (a new file,
     * or one named otherwise on disk) is looked for among all the entries. Looking among all of them for every
     * publish was a 10,000-iteration loop on the big digest, which the JIT compiled again after start-up, while
     * searches waited for a core.
     */
    static Optional<String> heldBy(Path path, Map<String, Entry> published) {
        String name = path.getFileName().toString();
        Entry namesake = published.get(name.endsWith(".md") ? name.substring(0, name.length() - 3) : name);
        if (namesake != null && namesake.file().endsWith(path)) {
            return Optional.of(namesake.id());
        }
        for (Entry e : published.values()) {
            if (e.file().endsWith(path)) {
                return Optional.of(e.id());
            }
        }
        return Optional.empty();
    }
}
