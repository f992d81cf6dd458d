package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The citation list (knowledge/sources.yaml): which documents exist and how many articles each has,
 * so that an entry citing 第99条 of a 72-article regulation is caught before it reaches a user.
 */
public final class SourceCatalog {

    /**
     * One source document. {@code en} is its English name, {@code effective} the date the cited version
     * took effect (null when not given), {@code articles} the highest article number, 0 when unknown.
     */
    public record Document(String title, String en, LocalDate effective, int articles) {
    }

    private final Map<String, Document> documents;

    SourceCatalog(Map<String, Document> documents) {
        this.documents = Map.copyOf(documents);
    }

    static SourceCatalog empty() {
        return new SourceCatalog(Map.of());
    }

    public Optional<Document> find(String title) {
        return Optional.ofNullable(documents.get(normalise(title)));
    }

    public int size() {
        return documents.size();
    }

    /** Titles are compared without 《》 and surrounding blanks: authors write both forms. */
    static String normalise(String title) {
        return title == null ? "" : title.replace("《", "").replace("》", "").strip();
    }

    static SourceCatalog load(Path file, LoadReport report) {
        if (!Files.isRegularFile(file)) {
            report.add(Problem.error(file, 1, "citation list sources.yaml is missing"));
            return empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Optional<YamlNode> root = YamlNode.parse(text, 0);
            if (root.isEmpty()) {
                report.add(Problem.error(file, 1, "sources.yaml is empty"));
                return empty();
            }
            YamlNode list = root.get().isMap() ? root.get().get("documents").orElse(root.get()) : root.get();
            if (!list.isList()) {
                report.add(Problem.error(file, list.line(), "expected a list of documents (or a 'documents:' list)"));
                return empty();
            }
            return new SourceCatalog(readDocuments(file, list.items(), report));
        } catch (MarkedYAMLException e) {
            report.add(Problem.error(file, e.getProblemMark().getLine() + 1, "broken YAML: " + e.getProblem()));
        } catch (RuntimeException | IOException e) {
            report.add(Problem.error(file, 1, "cannot read sources.yaml: " + e.getMessage()));
        }
        return empty();
    }

    private static Map<String, Document> readDocuments(Path file, List<YamlNode> items, LoadReport report) {
        Map<String, Document> docs = new LinkedHashMap<>();
        for (YamlNode item : items) {
            String title = normalise(item.get("title").map(YamlNode::text).orElse(""));
            if (title.isEmpty()) {
                report.add(Problem.error(file, item.line(), "document without a title"));
                continue;
            }
            int articles = 0;
            Optional<YamlNode> count = item.get("articles");
            if (count.isPresent()) {
                try {
                    articles = Integer.parseInt(count.get().text());
                } catch (NumberFormatException e) {
                    report.add(Problem.error(file, count.get().line(), "'articles' must be the highest article number"));
                }
            }
            String en = item.get("en").map(YamlNode::text).orElse("");
            if (en.isEmpty()) {
                report.add(Problem.warning(file, item.line(), "document '" + title + "' has no English name 'en'"));
            }
            LocalDate effective = effective(file, item, title, report);
            if (docs.put(title, new Document(title, en, effective, articles)) != null) {
                report.add(Problem.error(file, item.line(), "document listed twice: " + title));
            }
        }
        return docs;
    }

    /** Every answer shows the date each cited document took effect, so each document needs one. */
    private static LocalDate effective(Path file, YamlNode item, String title, LoadReport report) {
        Optional<YamlNode> node = item.get("effective");
        if (node.isEmpty() || node.get().text().isEmpty()) {
            report.add(Problem.warning(file, item.line(), "document '" + title + "' has no 'effective' date"));
            return null;
        }
        try {
            return LocalDate.parse(node.get().text());
        } catch (DateTimeParseException e) {
            report.add(Problem.error(file, node.get().line(), "'effective' must be a date like 2025-06-01, got '"
                    + node.get().text() + "'"));
            return null;
        }
    }
}
