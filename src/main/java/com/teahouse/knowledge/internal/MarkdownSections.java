package com.teahouse.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an entry file into its front matter and its {@code ## lang} sections, remembering the line
 * of every heading for diagnostics.
 */
record MarkdownSections(String frontMatter, int frontMatterLine, int bodyLine,
                        Map<String, String> sections, Map<String, Integer> headingLines) {

    static final List<String> REQUIRED = List.of("zh", "zh-detail", "en", "en-detail");

    /** @throws IllegalArgumentException with "line N: ..." when the front matter is not delimited. */
    static MarkdownSections split(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first >= lines.length || !lines[first].strip().equals("---")) {
            throw new IllegalArgumentException("line " + (first + 1) + ": file must start with '---' front matter");
        }
        int close = first + 1;
        while (close < lines.length && !lines[close].strip().equals("---")) {
            close++;
        }
        if (close >= lines.length) {
            throw new IllegalArgumentException("line " + (first + 1) + ": front matter is not closed by '---'");
        }
        StringBuilder yaml = new StringBuilder();
        for (int i = first + 1; i < close; i++) {
            yaml.append(lines[i]).append('\n');
        }
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, Integer> headings = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (int i = close + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("## ")) {
                if (current != null) {
                    sections.put(current, body.toString().strip());
                }
                current = line.substring(3).strip().toLowerCase();
                headings.putIfAbsent(current, i + 1);
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, body.toString().strip());
        }
        // line numbers: the YAML text starts on the line after the opening '---' (1-based first + 2)
        return new MarkdownSections(yaml.toString(), first + 1, close + 2, sections, headings);
    }
}
