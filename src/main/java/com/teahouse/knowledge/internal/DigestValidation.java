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
    private volatile SourceCatalog catalog;

    public DigestValidation(Path workspace) {
        this.workspace = new DirectoryMirror(workspace);
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
