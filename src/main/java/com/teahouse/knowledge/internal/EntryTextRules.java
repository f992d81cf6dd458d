package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** 100,000 / 0.05 / 10万 (10 thousand-units); a bare digit run is the common case. */
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(万|亿)?");
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");
    /** A month name next to a day number ("31 March", "March 31"), so that the modal "may" is not May. */
    private static final Pattern MONTH = Pattern.compile("(?<=\\d\\s)(" + String.join("|", MONTHS) + ")\\b|\\b("
            + String.join("|", MONTHS) + ")(?=\\s\\d)");
    private static final String COUNTRY = "中华人民共和国";

    private final Entry entry;
    private final SourceCatalog catalog;
    private final LoadReport report;
    private final List<String> lines;

    private EntryTextRules(Entry entry, SourceCatalog catalog, LoadReport report, List<String> lines) {
        this.entry = entry;
        this.catalog = catalog;
        this.report = report;
        this.lines = lines;
    }

    static void check(Entry entry, SourceCatalog catalog, LoadReport report) {
        List<String> lines;
        try {
            lines = Files.readAllLines(entry.file(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return; // the parser has read this file moments ago; a vanished file is reported by the next load
        }
        new EntryTextRules(entry, catalog, report, lines).run();
    }

    private void run() {
        for (String section : SECTIONS) {
            int heading = lines.indexOf("## " + section);
            if (heading < 0) {
                continue;
            }
            String document = null;
            for (int i = heading + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
                String line = lines.get(i);
                namedDocuments(line, i + 1);
                if (section.startsWith("zh")) {
                    zhArticles(line, document, i + 1);
                    document = ArticleRefs.lastDocument(line, document);
                } else {
                    enArticles(line, i + 1);
                }
            }
        }
        compare(entry.titleZh(), entry.titleEn(), "title", EntryValidator.lineOf(entry.file(), "title:"));
        compare(entry.answerZh(), entry.answerEn(), "'## zh' and '## en'", headingLine("en"));
        compare(entry.detailZh(), entry.detailEn(), "'## zh-detail' and '## en-detail'", headingLine("en-detail"));
    }

    private void namedDocuments(String line, int lineNo) {
        for (String name : ArticleRefs.documents(line)) {
            if (cited(name).isEmpty()) {
                warn(lineNo, "《" + name + "》 is named in the text but not cited in 'sources'"
                        + (catalog.find(name).isEmpty() && catalog.find(COUNTRY + name).isEmpty()
                                ? " (nor listed in sources.yaml)" : ""));
            }
        }
    }

    private void zhArticles(String line, String document, int lineNo) {
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

    private void enArticles(String line, int lineNo) {
        for (int article : ArticleRefs.en(line)) {
            if (declaredAnywhere(article).isEmpty()) {
                warn(lineNo, "Article " + article + " is not among the entry's citations");
            }
        }
    }

    private void compare(String zh, String en, String what, int lineNo) {
        Set<BigDecimal> zhNumbers = zhNumbers(zh);
        Set<BigDecimal> enNumbers = enNumbers(en);
        if (zhNumbers.equals(enNumbers)) {
            return;
        }
        Set<BigDecimal> onlyZh = new TreeSet<>(zhNumbers);
        onlyZh.removeAll(enNumbers);
        Set<BigDecimal> onlyEn = new TreeSet<>(enNumbers);
        onlyEn.removeAll(zhNumbers);
        warn(lineNo, "zh/en divergence in " + what + ": numbers only in zh " + onlyZh + ", only in en " + onlyEn);
    }

    /** Written numbers, article numbers (第十二条, ranges expanded) and paragraph/item numbers (第二款, 第（八）项). */
    static Set<BigDecimal> zhNumbers(String text) {
        Set<BigDecimal> out = numbers(text);
        ArticleRefs.zh(text, null).forEach(r -> out.add(BigDecimal.valueOf(r.article())));
        ArticleRefs.zhSubdivisions(text).forEach(n -> out.add(BigDecimal.valueOf(n)));
        return out;
    }

    /** Written numbers, article numbers (ranges expanded) and month names (31 March ~ 3月31日). */
    static Set<BigDecimal> enNumbers(String text) {
        Set<BigDecimal> out = numbers(text);
        ArticleRefs.en(text).forEach(n -> out.add(BigDecimal.valueOf(n)));
        Matcher m = MONTH.matcher(text == null ? "" : text);
        while (m.find()) {
            String month = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(BigDecimal.valueOf(MONTHS.indexOf(month) + 1L));
        }
        return out;
    }

    private static Set<BigDecimal> numbers(String text) {
        Set<BigDecimal> out = new TreeSet<>();
        Matcher m = NUMBER.matcher(text == null ? "" : text);
        while (m.find()) {
            BigDecimal n = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
            if (m.group(3) != null) {
                n = n.scaleByPowerOfTen(m.group(3).equals("万") ? 4 : 8);
            }
            out.add(new BigDecimal(n.stripTrailingZeros().toPlainString()));
        }
        return out;
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

    private int headingLine(String section) {
        return lines.indexOf("## " + section) + 1;
    }

    private void warn(int line, String message) {
        report.add(Problem.warning(entry.file(), line, message));
    }
}
