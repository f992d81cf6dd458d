package com.teahouse.knowledge.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.teahouse.knowledge.DigestHit;

/**
 * kb check on a digest that is not on disk yet: the would-be files are mirrored into a private workspace and
 * loaded with the same loader and validators as {@code kb check}, so a publish is refused for exactly what the
 * command would report. One workspace per instance; parsing is cached per file, so checking one edited entry of a
 * large digest parses one file.
 */
public final class DigestValidation {

    /** A problem as the editor shows it: a line of the edited document, or of another file it broke. */
    public record Finding(String path, int line, boolean error, String message) {
    }

    private final DirectoryMirror workspace;
    private final DigestLoader.ParseCache cache = new DigestLoader.ParseCache();
    /** Where one changed entry is written for {@link #checkEntry}, apart from the whole digest's workspace. */
    private final Path single;
    private final DigestLoader.ParseCache singleCache = new DigestLoader.ParseCache();
    private volatile SourceCatalog catalog;

    public DigestValidation(Path workspace) {
        this.workspace = new DirectoryMirror(workspace);
        this.single = workspace.resolve(".change");
    }

    /** Whether {@code path} is an entry file, which {@link #checkEntry} can check on its own. */
    public static boolean isEntry(String path) {
        return EntryChanges.onlyEntries(List.of(path));
    }

    /**
     * Every problem kb check would find in {@code published}'s digest with {@code text} (null: withdrawn) as entry
     * file {@code path}: that entry's own problems and an id another file holds (see {@link EntryChanges}).
     */
    public synchronized List<Finding> checkEntry(IndexSnapshot published, SourceCatalog catalog, String path,
                                                 String text, LocalDate today) {
        DirectoryMirror mirror = new DirectoryMirror(single);
        java.util.Map<String, String> changed = new java.util.HashMap<>();
        changed.put(path, text);
        mirror.sync(text == null ? Map.of() : Map.of(path, text));
        singleCache.begin();
        LoadReport report = EntryChanges.check(single, changed, published.byId(), catalog, today, singleCache)
                .report();
        List<Finding> out = new ArrayList<>();
        for (Problem p : report.problems()) {
            out.add(new Finding(path, p.line(), p.isError(), p.message()));
        }
        mirror.delete();
        return out;
    }

    /** Every problem kb check finds in {@code files}. */
    public synchronized List<Finding> check(Map<String, String> files, LocalDate today) {
        workspace.sync(files);
        DigestLoader.Loaded loaded = DigestLoader.load(workspace.dir(), today, cache);
        catalog = loaded.catalog();
        List<Finding> out = new ArrayList<>();
        Path base = workspace.dir().toAbsolutePath().normalize();
        for (Problem p : loaded.report().problems()) {
            Path file = p.file().toAbsolutePath().normalize();
            String rel = file.startsWith(base) ? base.relativize(file).toString().replace('\\', '/') : file.toString();
            out.add(new Finding(rel, p.line(), p.isError(), p.message()));
        }
        return out;
    }

    /** Whether a check has run, so a preview can resolve citations. */
    public boolean hasCatalog() {
        return catalog != null;
    }

    /**
     * The draft as the chat would show it: the entry parsed on its own and resolved against the citation list of
     * the last check, or empty when it does not parse.
     */
    public Optional<DigestHit> preview(String markdown, String lang) {
        LoadReport report = new LoadReport();
        Path file = workspace.dir().resolve("preview").resolve(idOf(markdown) + ".md");
        return EntryParser.parse(file, markdown, report).map(e -> e.resolved(catalog == null ? SourceCatalog.empty() : catalog))
                .map(e -> DigestSearcher.hit(e, 0, "en".equals(lang), List.of()));
    }

    /** The id written in the front matter, so the parser's file-name rule does not get in the way of a preview. */
    private static String idOf(String markdown) {
        for (String line : markdown.lines().limit(40).toList()) {
            if (line.startsWith("id:")) {
                String id = line.substring(3).strip().replace("\"", "").replace("'", "");
                return id.matches("[a-z0-9][a-z0-9-]*") ? id : "draft";
            }
        }
        return "draft";
    }
}
