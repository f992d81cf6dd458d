package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that need more than one file: duplicate ids, citations against the citation list, expiry
 * and the length of short answers (the chat shows them whole, so they must stay short).
 */
final class EntryValidator {

    static final int MAX_ZH_CHARS = 120;
    static final int MAX_EN_WORDS = 80;

    private EntryValidator() {
    }

    static void validate(List<Entry> entries, SourceCatalog catalog, LocalDate today, LoadReport report) {
        Map<String, Entry> seen = new HashMap<>();
        for (Entry e : entries) {
            Entry previous = seen.putIfAbsent(e.id(), e);
            if (previous != null) {
                report.add(Problem.error(e.file(), lineOf(e.file(), "id:"),
                        "duplicate id '" + e.id() + "' (also in " + previous.file().getFileName() + ")"));
            }
            checkSources(e, catalog, report);
            EntryTextRules.check(e, catalog, report);
            checkEffective(e, catalog, report);
            if (e.isExpired(today)) {
                report.add(Problem.warning(e.file(), lineOf(e.file(), "expires:"),
                        "entry expired on " + e.expires() + " and is never given as an answer"));
            }
            if (e.effective() != null && e.expires() != null && !e.expires().isAfter(e.effective())) {
                report.add(Problem.error(e.file(), lineOf(e.file(), "expires:"), "'expires' is not after 'effective'"));
            }
            int zh = zhLength(e.answerZh());
            if (zh > MAX_ZH_CHARS) {
                report.add(Problem.warning(e.file(), lineOf(e.file(), "## zh"),
                        "short answer '## zh' has " + zh + " characters (at most " + MAX_ZH_CHARS + ")"));
            }
            int en = enWords(e.answerEn());
            if (en > MAX_EN_WORDS) {
                report.add(Problem.warning(e.file(), lineOf(e.file(), "## en"),
                        "short answer '## en' has " + en + " words (at most " + MAX_EN_WORDS + ")"));
            }
        }
    }

    private static void checkSources(Entry e, SourceCatalog catalog, LoadReport report) {
        for (Entry.SourceRef ref : e.sources()) {
            var doc = catalog.find(ref.document());
            if (doc.isEmpty()) {
                report.add(Problem.error(e.file(), lineOf(e.file(), ref.document()), "unknown source document '" + ref.document()
                        + "' (not in sources.yaml)"));
                continue;
            }
            int max = doc.get().articles();
            for (int article : ref.articles()) {
                if (article < 1 || (max > 0 && article > max)) {
                    int line = lineAfter(e.file(), lineOf(e.file(), ref.document()), "articles");
                    report.add(Problem.error(e.file(), line, "article " + article + " does not exist in 《"
                            + ref.document() + "》 (it has " + max + " articles)"));
                }
            }
        }
    }

    /** An entry speaks for all its sources at once, so it cannot be in force before the last of them. */
    private static void checkEffective(Entry e, SourceCatalog catalog, LoadReport report) {
        if (e.effective() == null) {
            return;
        }
        for (Entry.SourceRef ref : e.sources()) {
            catalog.find(ref.document()).map(SourceCatalog.Document::effective)
                    .filter(d -> d.isAfter(e.effective()))
                    .ifPresent(d -> report.add(Problem.warning(e.file(), lineOf(e.file(), "effective:"), "'effective: "
                            + e.effective() + "' is before 《" + ref.document() + "》 took effect (" + d + ")")));
        }
    }

    /** Han characters count one each, a run of Latin letters or digits counts as one; punctuation is free. */
    static int zhLength(String text) {
        int count = 0;
        boolean inWord = false;
        for (int cp : (text == null ? "" : text).codePoints().toArray()) {
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                count++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    count++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return count;
    }

    static int enWords(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    static int lineAfter(Path file, int from, String needle) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // see lineOf
        }
        return from;
    }

    /** The first line containing {@code needle}; entries are small, so re-reading is cheap and keeps Entry lean. */
    static int lineOf(Path file, String needle) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the line is only a pointer for the reader; fall back to the top of the file
        }
        return 1;
    }
}
