package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kb check on broken fixtures: every problem names its file and line. */
class KbCheckCommandTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        DigestFixture.write(dir);
    }

    private String check(int expectedCode) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = KbCheckCommand.run(dir, new PrintStream(buf, true, StandardCharsets.UTF_8), TODAY);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, out);
        return out;
    }

    private Path entry(String id) {
        return dir.resolve("entries/" + id + ".md");
    }

    private void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "fixture lacks " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void assertLine(String out, String fileAndLine, String words) {
        assertTrue(out.lines().anyMatch(l -> l.contains(fileAndLine + ":") && l.contains(words)),
                "expected '" + fileAndLine + ": …" + words + "…' in:\n" + out);
    }

    @Test
    void cleanFixturePasses() {
        String out = check(0);
        assertTrue(out.contains("3 entries"), out);
    }

    @Test
    void brokenYamlNamesTheLine() throws IOException {
        // line 6 of the file: questions.zh's list item loses its indentation and quote balance
        replace(entry("deposit-refund"), "  zh:\n    - \"质保期", "  zh:\n - \"质保期");
        replace(entry("deposit-refund"), "questions:", "questions: [oops");
        String out = check(1);
        assertLine(out, "entries/deposit-refund.md:7", "broken YAML");
    }

    @Test
    void unclosedFrontMatter() throws IOException {
        Files.writeString(entry("deposit-refund"), "---\nid: deposit-refund\n## zh\n短\n");
        assertLine(check(1), "deposit-refund.md:1", "not closed");
    }

    @Test
    void missingEnglishSection() throws IOException {
        replace(entry("deposit-refund"), "## en\n", "## fr\n");
        String out = check(1);
        assertLine(out, "entries/deposit-refund.md:18", "missing English: section '## en'");
    }

    @Test
    void missingEnglishTitleNamesTheTitleLine() throws IOException {
        replace(entry("deposit-refund"), "  en: \"Deposits must be refunded when the guarantee period ends\"\n", "");
        assertLine(check(1), "entries/deposit-refund.md:3", "missing English: 'title.en'");
    }

    @Test
    void duplicateId() throws IOException {
        String text = Files.readString(entry("deposit-refund"));
        Files.writeString(dir.resolve("entries/deposit-refund-copy.md"), text);
        String out = check(1);
        assertLine(out, "entries/deposit-refund.md:2", "duplicate id 'deposit-refund'");
    }

    @Test
    void unknownArticleAndDocument() throws IOException {
        replace(entry("deposit-refund"), "articles: [13]", "articles: [13, 99]");
        replace(entry("intermediary-fees"), "document: 优化营商环境条例", "document: 不存在的条例");
        String out = check(1);
        assertLine(out, "entries/deposit-refund.md:13", "article 99 does not exist");
        assertLine(out, "entries/intermediary-fees.md:12", "unknown source document '不存在的条例'");
    }

    @Test
    void expiredEntry() throws IOException {
        replace(entry("deposit-refund"), "effective: 2025-06-01\n", "effective: 2025-06-01\nexpires: 2026-01-01\n");
        assertLine(check(1), "entries/deposit-refund.md:15", "expired on 2026-01-01");
    }

    @Test
    void badDateAndOverlongAnswer() throws IOException {
        replace(entry("deposit-refund"), "effective: 2025-06-01", "effective: next year");
        replace(entry("intermediary-fees"), "## zh\n", "## zh\n" + "很长的回答".repeat(30));
        String out = check(1);
        assertLine(out, "entries/deposit-refund.md:14", "'effective' must be a date");
        assertLine(out, "entries/intermediary-fees.md:18", "characters (at most 120)");
    }

    @Test
    void brokenSynonymsAndMissingSources() throws IOException {
        Files.delete(dir.resolve("sources.yaml"));
        String out = check(1);
        assertLine(out, "sources.yaml:1", "missing");
    }

    @Test
    void missingDirectoryIsReportedNotThrown() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = KbCheckCommand.run(dir.resolve("nope"), new PrintStream(buf, true, StandardCharsets.UTF_8), TODAY);
        assertEquals(1, code);
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("does not exist"));
    }

    // --- the prose against the front matter (issue 8, section 6) ---

    @Test
    void articleThatTheDocumentWrittenNextToDoesNotHave() throws IOException {
        replace(entry("payment-term-60-days"), "详细说明。", "《保障中小企业款项支付条例》第九条作出规定，第六十九条另有规定。");
        assertLine(check(1), "entries/payment-term-60-days.md:22",
                "第六十九条 is written next to 《保障中小企业款项支付条例》, which has only 37 articles");
    }

    @Test
    void articleInTheTextThatIsNotCited() throws IOException {
        replace(entry("payment-term-60-days"), "详细说明。", "第十七条规定了逾期利息。");
        replace(entry("payment-term-60-days"), " More detail.", " Article 17 sets interest.");
        String out = check(1);
        assertLine(out, "entries/payment-term-60-days.md:22", "第十七条 (article 17 of 《保障中小企业款项支付条例》) is not among the entry's citations [9]");
        assertLine(out, "entries/payment-term-60-days.md:28", "Article 17 is not among the entry's citations");
    }

    @Test
    void documentNamedButNotCited() throws IOException {
        replace(entry("deposit-refund"), "详细说明。", "另见《中华人民共和国中小企业促进法》。");
        assertLine(check(1), "entries/deposit-refund.md:22",
                "《中华人民共和国中小企业促进法》 is named in the text but not cited in 'sources' (nor listed in sources.yaml)");
    }

    @Test
    void numbersThatDifferBetweenZhAndEn() throws IOException {
        replace(entry("payment-term-60-days"), "within 60 days of delivery.\n\n## en-detail",
                "within 30 days of delivery.\n\n## en-detail");
        replace(entry("payment-term-60-days"), "Large firms must pay SMEs within 60 days", "Large firms must pay SMEs promptly");
        String out = check(1);
        assertLine(out, "entries/payment-term-60-days.md:24", "zh/en divergence in '## zh' and '## en': numbers only in zh [60], only in en [30]");
        assertLine(out, "entries/payment-term-60-days.md:3", "zh/en divergence in title: numbers only in zh [60], only in en []");
    }

    @Test
    void sameNumbersWrittenDifferentlyAreNoDivergence() throws IOException {
        replace(entry("deposit-refund"), "详细说明。", "第十三条第二款：3月31日前退还10万元，利率0.05%。");
        replace(entry("deposit-refund"), " More detail.", " Article 13(2): 100,000 yuan by 31 March, at 0.05%.");
        check(0);
    }

    @Test
    void documentWithoutDateOrEnglishName() throws IOException {
        replace(dir.resolve("sources.yaml"), "    effective: 2020-01-01\n", "");
        replace(dir.resolve("sources.yaml"), "    en: Regulations on Ensuring Payments to SMEs\n", "");
        String out = check(1);
        assertLine(out, "sources.yaml:2", "has no English name 'en'");
        assertLine(out, "sources.yaml:5", "has no 'effective' date");
    }

    @Test
    void entryInForceBeforeOneOfItsDocuments() throws IOException {
        replace(entry("intermediary-fees"), "    articles: [43]\n",
                "    articles: [43]\n  - document: 保障中小企业款项支付条例\n    articles: [9]\n");
        assertLine(check(1), "entries/intermediary-fees.md:16",
                "'effective: 2020-01-01' is before 《保障中小企业款项支付条例》 took effect (2025-06-01)");
    }
}
