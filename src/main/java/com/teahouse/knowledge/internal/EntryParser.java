package com.teahouse.knowledge.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns the text of one entry file into an {@link Entry}. Every defect becomes a {@link Problem}
 * with the file's line; the parser returns empty instead of throwing, so one bad file cannot stop
 * the loader from reporting on the others.
 */
final class EntryParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Path file;
    private final LoadReport report;
    private boolean failed;

    private EntryParser(Path file, LoadReport report) {
        this.file = file;
        this.report = report;
    }

    static Optional<Entry> parse(Path file, String text, LoadReport report) {
        return new EntryParser(file, report).parse(text);
    }

    private Optional<Entry> parse(String text) {
        MarkdownSections md;
        YamlNode fm;
        try {
            md = MarkdownSections.split(text);
            Optional<YamlNode> root = YamlNode.parse(md.frontMatter(), md.frontMatterLine());
            if (root.isEmpty() || !root.get().isMap()) {
                return fail(md.frontMatterLine(), "front matter must be a YAML mapping");
            }
            fm = root.get();
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1 + frontMatterLine(text);
            return fail(line, "broken YAML in front matter: " + e.getProblem());
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage() == null ? "unreadable" : e.getMessage();
            int line = msg.startsWith("line ") ? Integer.parseInt(msg.substring(5, msg.indexOf(':'))) : 1;
            return fail(line, msg.substring(msg.indexOf(':') + 1).strip());
        } catch (RuntimeException e) {
            return fail(1, "cannot parse front matter: " + e.getMessage());
        }
        String id = required(fm, "id");
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            error(fm.get("id").get().line(), "id '" + id + "' must be lower-case letters, digits and '-'");
        }
        String expectedName = id + ".md";
        if (!id.isEmpty() && !file.getFileName().toString().equals(expectedName)) {
            warn(fm.get("id").get().line(), "id '" + id + "' does not match the file name (expected " + expectedName + ")");
        }
        String titleZh = langText(fm, "title", "zh");
        String titleEn = langText(fm, "title", "en");
        List<String> qZh = langList(fm, "questions", "zh");
        List<String> qEn = langList(fm, "questions", "en");
        List<Entry.SourceRef> sources = sources(fm);
        LocalDate effective = date(fm, "effective", true);
        LocalDate expires = date(fm, "expires", false);
        String department = required(fm, "department");
        List<String> tags = fm.get("tags").map(YamlNode::texts).orElse(List.of());
        for (String section : MarkdownSections.REQUIRED) {
            String body = md.sections().get(section);
            if (body == null || body.isBlank()) {
                int line = md.headingLines().getOrDefault(section, md.bodyLine());
                String what = section.startsWith("en") ? "missing English: " : "missing ";
                error(line, what + "section '## " + section + "'" + (body == null ? "" : " is empty"));
            }
        }
        if (failed) {
            return Optional.empty();
        }
        return Optional.of(new Entry(id, file, titleZh, titleEn, qZh, qEn, sources, effective, expires, department,
                tags, md.sections().get("zh"), md.sections().get("zh-detail"), md.sections().get("en"),
                md.sections().get("en-detail")));
    }

    private static int frontMatterLine(String text) {
        try {
            return MarkdownSections.split(text).frontMatterLine();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private String required(YamlNode fm, String key) {
        Optional<YamlNode> value = fm.get(key);
        if (value.isEmpty() || value.get().text().isEmpty()) {
            error(fm.keyLine(key), "missing '" + key + "'");
            return "";
        }
        return value.get().text();
    }

    private String langText(YamlNode fm, String key, String lang) {
        String value = fm.get(key).flatMap(n -> n.get(lang)).map(YamlNode::text).orElse("");
        if (value.isEmpty()) {
            error(fm.keyLine(key), (lang.equals("en") ? "missing English: " : "missing ") + "'" + key + "." + lang + "'");
        }
        return value;
    }

    private List<String> langList(YamlNode fm, String key, String lang) {
        List<String> values = fm.get(key).flatMap(n -> n.get(lang)).map(YamlNode::texts).orElse(List.of());
        if (values.isEmpty()) {
            int line = fm.get(key).map(n -> n.keyLine(lang)).orElse(fm.keyLine(key));
            error(line, (lang.equals("en") ? "missing English: " : "missing ") + "'" + key + "." + lang + "'");
        }
        return values;
    }

    private List<Entry.SourceRef> sources(YamlNode fm) {
        Optional<YamlNode> node = fm.get("sources");
        if (node.isEmpty() || !node.get().isList() || node.get().items().isEmpty()) {
            error(fm.keyLine("sources"), "missing 'sources' (a list of document + articles)");
            return List.of();
        }
        List<Entry.SourceRef> refs = new ArrayList<>();
        for (YamlNode item : node.get().items()) {
            String doc = item.get("document").map(YamlNode::text).orElse("");
            if (doc.isEmpty()) {
                error(item.line(), "source without 'document'");
                continue;
            }
            List<Integer> articles = new ArrayList<>();
            for (String a : item.get("articles").map(YamlNode::texts).orElse(List.of())) {
                try {
                    articles.add(Integer.parseInt(a));
                } catch (NumberFormatException e) {
                    error(item.get("articles").get().line(), "article '" + a + "' is not a number");
                }
            }
            if (articles.isEmpty()) {
                error(item.line(), "source '" + doc + "' has no article numbers");
            }
            refs.add(new Entry.SourceRef(SourceCatalog.normalise(doc), List.copyOf(articles)));
        }
        return List.copyOf(refs);
    }

    private LocalDate date(YamlNode fm, String key, boolean required) {
        Optional<YamlNode> node = fm.get(key);
        if (node.isEmpty() || node.get().text().isEmpty()) {
            if (required) {
                error(fm.keyLine(key), "missing '" + key + "' date");
            }
            return null;
        }
        try {
            return LocalDate.parse(node.get().text());
        } catch (DateTimeParseException e) {
            error(node.get().line(), "'" + key + "' must be a date like 2025-06-01, got '" + node.get().text() + "'");
            return null;
        }
    }

    private Optional<Entry> fail(int line, String message) {
        error(line, message);
        return Optional.empty();
    }

    private void error(int line, String message) {
        failed = true;
        report.add(Problem.error(file, line, message));
    }

    private void warn(int line, String message) {
        report.add(Problem.warning(file, line, message));
    }
}
