package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * knowledge/synonyms.txt in Solr format. It is used twice: as {@link SynonymMap}s for the
 * SynonymGraphFilter of each language, and as plain phrase rules matched on the raw question,
 * because smartcn segments a phrase differently inside different sentences (营商环境 may come out
 * as 营/商/环境), which a token-level synonym filter cannot see.
 */
public final class SynonymRules {

    /** {@code from} phrases are rewritten to (also mean) {@code to} phrases. */
    record Rule(List<String> from, List<String> to) {
    }

    private final String text;
    private final List<Rule> rules;

    private SynonymRules(String text, List<Rule> rules) {
        this.text = text;
        this.rules = List.copyOf(rules);
    }

    public static SynonymRules empty() {
        return new SynonymRules("", List.of());
    }

    public static SynonymRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] sides = line.split("=>", 2);
            List<String> left = phrases(sides[0]);
            List<String> right = sides.length == 2 ? phrases(sides[1]) : left;
            if (!left.isEmpty() && !right.isEmpty()) {
                rules.add(new Rule(left, right));
            }
        }
        return new SynonymRules(text, rules);
    }

    /** Reads the file; a missing file is no synonyms, a malformed one is an error with its line. */
    static SynonymRules load(Path file, Analyzer zh, Analyzer en, LoadReport report) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            SynonymRules rules = parse(Files.readString(file, StandardCharsets.UTF_8));
            rules.map(zh);
            rules.map(en);
            return rules;
        } catch (ParseException e) {
            report.add(Problem.error(file, e.getErrorOffset(), "bad synonym rule: " + rootMessage(e)));
        } catch (IOException | RuntimeException e) {
            report.add(Problem.error(file, 1, "cannot read synonyms: " + rootMessage(e)));
        }
        return empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static List<String> phrases(String side) {
        List<String> out = new ArrayList<>();
        for (String p : side.split("(?<!\\\\),")) {
            String phrase = p.replace("\\,", ",").strip().toLowerCase(Locale.ROOT);
            if (!phrase.isEmpty()) {
                out.add(phrase);
            }
        }
        return out;
    }

    /** The rules analysed with {@code analyzer}, for a SynonymGraphFilter; null when there are none. */
    SynonymMap map(Analyzer analyzer) throws IOException, ParseException {
        if (rules.isEmpty()) {
            return null;
        }
        SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
        parser.parse(new StringReader(text));
        SynonymMap map = parser.build();
        return map.fst == null ? null : map;
    }

    /**
     * Phrase-level expansion on the raw question: for each rule whose phrase occurs in the text,
     * the phrases it means. CJK phrases match as substrings; Latin ones at a word start.
     */
    List<Expansion> expand(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        List<Expansion> out = new ArrayList<>();
        for (Rule rule : rules) {
            for (String phrase : rule.from()) {
                if (occurs(q, phrase)) {
                    Set<String> alternatives = new LinkedHashSet<>(rule.to());
                    alternatives.remove(phrase);
                    if (!alternatives.isEmpty()) {
                        out.add(new Expansion(phrase, List.copyOf(alternatives)));
                    }
                }
            }
        }
        return out;
    }

    record Expansion(String phrase, List<String> alternatives) {
    }

    private static boolean occurs(String text, String phrase) {
        int at = text.indexOf(phrase);
        while (at >= 0) {
            boolean latin = Character.isLetterOrDigit(phrase.charAt(0)) && phrase.charAt(0) < 0x2E80;
            if (!latin || at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                return true;
            }
            at = text.indexOf(phrase, at + 1);
        }
        return false;
    }
}
