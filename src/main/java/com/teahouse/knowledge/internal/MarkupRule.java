package com.teahouse.knowledge.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Entries are plain text shown in chats and on pages: an HTML tag in a title, question or answer is an editing
 * mistake or an attack on the pages that show it, so it is an error at its line. Also caps an entry's size, so a
 * pasted document never becomes one giant "short answer".
 */
final class MarkupRule {

    /** Largest entry file, in characters; the biggest real entry is a few KB. */
    static final int MAX_CHARS = 32 * 1024;
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z!][^<>]*>");

    private MarkupRule() {
    }

    /** Checks the raw text of one entry file; {@code lines} are its lines. */
    static void check(Path file, List<String> lines, LoadReport report) {
        int chars = 0;
        boolean reportedSize = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            chars += line.length() + 1;
            if (!reportedSize && chars > MAX_CHARS) {
                report.add(Problem.error(file, i + 1, "entry is longer than " + MAX_CHARS
                        + " characters from here on; keep an entry short and cite the document"));
                reportedSize = true;
            }
            if (TAG.matcher(line).find()) {
                report.add(Problem.error(file, i + 1, "HTML markup is not allowed in an entry (found '"
                        + abbreviate(line) + "'); write plain text"));
            }
        }
    }

    private static String abbreviate(String line) {
        String s = line.strip();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
