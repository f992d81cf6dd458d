package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;

/**
 * The checks of an entry's prose against its front matter, for the mistakes a machine can catch
 * (issue 8, section 6). Each finding is a warning: it fails {@code kb check}, the gate before
 * publishing, but never stops a running hotline from reloading the rest of the digest.
 * <ul>
 * <li>an article (第N条 / Article N) in the text that the document written next to it does not have, or
 *     that is not among the entry's declared citations;</li>
 * <li>a 《document》 named in the text that the entry does not cite;</li>
 * <li>numbers (days, amounts, percentages, article numbers) that differ between the zh and en version
 *     of the title, the short answer or the detail.</li>
 * </ul>
 * Whether a sentence says "may" where the law says "shall not" is not machine-checkable in general and
 * is left to the reviewer.
 */
final class EntryTextRules {

    private static final List<String> SECTIONS = List.of("zh", "zh-detail", "en", "en-detail");
    private static final String COUNTRY = "中华人民共和国";

    private final Entry entry;
    private final SourceCatalog catalog;
    private final LoadReport report;
    /** The file's lines, read only when there is something to report (a clean digest is never re-read). */
    private List<String> lines;

    private EntryTextRules(Entry entry, SourceCatalog catalog, LoadReport report) {
        this.entry = entry;
        this.catalog = catalog;
        this.report = report;
    }

    static void check(Entry entry, SourceCatalog catalog, LoadReport report) {
        new EntryTextRules(entry, catalog, report).run();
    }

    private void run() {
        List<String> bodies = List.of(nonNull(entry.answerZh()), nonNull(entry.detailZh()), nonNull(entry.answerEn()),
                nonNull(entry.detailEn()));
        for (int s = 0; s < SECTIONS.size(); s++) {
            String section = SECTIONS.get(s);
            String[] sectionLines = bodies.get(s).split("\n", -1);
            String document = null;
            for (int i = 0; i < sectionLines.length; i++) {
                String line = sectionLines[i];
                int offset = i;
                IntSupplier at = () -> lineOf(section, offset);
                namedDocuments(line, at);
                if (section.startsWith("zh")) {
                    zhArticles(line, document, at);
                    document = ArticleRefs.lastDocument(line, document);
                } else {
                    enArticles(line, at);
                }
            }
        }
        compare(entry.titleZh(), entry.titleEn(), "title", () -> EntryValidator.lineOf(entry.file(), "title:"));
        compare(entry.answerZh(), entry.answerEn(), "'## zh' and '## en'", () -> lineOf("en", -1));
        compare(entry.detailZh(), entry.detailEn(), "'## zh-detail' and '## en-detail'", () -> lineOf("en-detail", -1));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private void namedDocuments(String line, IntSupplier lineNo) {
        for (String name : ArticleRefs.documents(line)) {
            if (cited(name).isEmpty()) {
                warn(lineNo, "《" + name + "》 is named in the text but not cited in 'sources'"
                        + (catalog.find(name).isEmpty() && catalog.find(COUNTRY + name).isEmpty()
                                ? " (nor listed in sources.yaml)" : ""));
            }
        }
    }

    private void zhArticles(String line, String document, IntSupplier lineNo) {
        for (ArticleRefs.Ref ref : ArticleRefs.zh(line, document)) {
            Optional<Entry.SourceRef> source = ref.document() == null
                    ? (entry.sources().size() == 1 ? Optional.of(entry.sources().get(0)) : Optional.empty())
                    : cited(ref.document());
            if (ref.document() != null && source.isEmpty()) {
                continue; // an uncited document: reported once by namedDocuments
            }
            if (source.isEmpty()) {
                if (declaredAnywhere(ref.article()).isEmpty()) {
                    warn(lineNo, ref.written() + " (article " + ref.article()
                            + ") is not among the entry's citations");
                }
                continue;
            }
            String title = source.get().document();
            int max = catalog.find(title).map(SourceCatalog.Document::articles).orElse(0);
            if (max > 0 && ref.article() > max) {
                warn(lineNo, ref.written() + " is written next to 《" + title + "》, which has only " + max
                        + " articles");
            } else if (!source.get().articles().contains(ref.article())) {
                warn(lineNo, ref.written() + " (article " + ref.article() + " of 《" + title
                        + "》) is not among the entry's citations " + source.get().articles());
            }
        }
    }

    private void enArticles(String line, IntSupplier lineNo) {
        for (int article : ArticleRefs.en(line)) {
            if (declaredAnywhere(article).isEmpty()) {
                warn(lineNo, "Article " + article + " is not among the entry's citations");
            }
        }
    }

    private void compare(String zh, String en, String what, IntSupplier lineNo) {
        Set<BigDecimal> zhNumbers = WrittenNumbers.zh(zh);
        Set<BigDecimal> enNumbers = WrittenNumbers.en(en);
        if (zhNumbers.equals(enNumbers)) {
            return;
        }
        Set<BigDecimal> onlyZh = new TreeSet<>(zhNumbers);
        onlyZh.removeAll(enNumbers);
        Set<BigDecimal> onlyEn = new TreeSet<>(enNumbers);
        onlyEn.removeAll(zhNumbers);
        warn(lineNo, "zh/en divergence in " + what + ": numbers only in zh " + onlyZh + ", only in en " + onlyEn);
    }

    /** The entry's source for a document named in the text, accepting the title with or without 中华人民共和国. */
    private Optional<Entry.SourceRef> cited(String name) {
        String n = SourceCatalog.normalise(name);
        return entry.sources().stream().filter(s -> s.document().equals(n) || s.document().equals(COUNTRY + n))
                .findFirst();
    }

    private Optional<Entry.SourceRef> declaredAnywhere(int article) {
        return entry.sources().stream().filter(s -> s.articles().contains(article)).findFirst();
    }

    /**
     * The 1-based file line of line {@code offset} of a section's body (-1: the heading itself). Section
     * bodies are stored stripped, so leading blank lines after the heading are skipped.
     */
    private int lineOf(String section, int offset) {
        if (lines == null) {
            try {
                lines = Files.readAllLines(entry.file(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                lines = List.of(); // the line is only a pointer; the finding itself still stands
            }
        }
        for (int h = 0; h < lines.size(); h++) {
            String l = lines.get(h);
            if (l.startsWith("## ") && l.substring(3).strip().equalsIgnoreCase(section)) {
                int first = h + 1;
                while (offset >= 0 && first < lines.size() && lines.get(first).isBlank()) {
                    first++;
                }
                return offset < 0 ? h + 1 : first + offset + 1;
            }
        }
        return 1;
    }

    private void warn(IntSupplier line, String message) {
        report.add(Problem.warning(entry.file(), line.getAsInt(), message));
    }
}
