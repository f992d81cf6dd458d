package com.teahouse.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How alike two complaints are, from 0 to 1: the descriptions' BM25-weighted overlap (each term weighted by its
 * inverse document frequency in the open cases, normalised so a text scores 1 against itself), plus the same
 * company, plus the same entrepreneur. The weights are explainable and the threshold is fitted on labelled pairs
 * (SimilarityEvaluationTest); no personal data is kept here.
 */
final class SimilarityScorer {

    /** What is compared: the description, the company (may be null) and an opaque owner key. */
    record Doc(String description, String company, String owner) {
    }

    record Score(double value, double text, boolean company, boolean owner) {
        List<String> reasons(boolean confidential) {
            List<String> r = new java.util.ArrayList<>();
            if (text >= 0.2) {
                r.add("text");
            }
            if (company && !confidential) {
                r.add("company");
            }
            if (owner && !confidential) {
                r.add("owner");
            }
            return r;
        }
    }

    /** Marks a bigram term, so it never equals a one-character word. */
    static final char BIGRAM = (char) 2;
    static final double TEXT_WEIGHT = 0.8;
    static final double COMPANY_WEIGHT = 0.2;
    static final double OWNER_BONUS = 0.1;

    private final Analyzer analyzer = new SmartChineseAnalyzer();

    /** The analysed terms of a text, with their counts (the same analyzer as the index's). */
    Map<String, Integer> terms(String text) {
        Map<String, Integer> out = new HashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!t.isBlank() && !isPunctuation(t)) {
                    out.merge(t, 1, Integer::sum);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bigrams(text, out);
        return out;
    }

    /**
     * Character bigrams of the Chinese runs, besides the words: a paraphrase often cuts words differently
     * (拖欠/欠, 工程款/工程尾款) but shares most of its bigrams.
     */
    private static void bigrams(String text, Map<String, Integer> out) {
        int prev = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean cjk = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (cjk && prev >= 0) {
                out.merge("" + BIGRAM + text.charAt(prev) + c, 1, Integer::sum);
            }
            prev = cjk ? i : -1;
        }
    }

    /**
     * @param docFreq how many of {@code docs} open cases hold a term (more common: less telling)
     */
    Score score(Doc a, Doc b, ToIntFunction<String> docFreq, int docs) {
        return score(terms(a.description()), a, terms(b.description()), b, docFreq, docs);
    }

    Score score(Map<String, Integer> ta, Doc a, Map<String, Integer> tb, Doc b, ToIntFunction<String> docFreq,
            int docs) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        Map<String, Double> idf = new HashMap<>();
        for (var e : ta.entrySet()) {
            double w = saturate(e.getValue()) * idf.computeIfAbsent(e.getKey(), k -> idf(docFreq.applyAsInt(k), docs));
            na += w * w;
            Integer other = tb.get(e.getKey());
            if (other != null) {
                dot += w * saturate(other) * idf.get(e.getKey());
            }
        }
        for (var e : tb.entrySet()) {
            double w = saturate(e.getValue()) * idf.computeIfAbsent(e.getKey(), k -> idf(docFreq.applyAsInt(k), docs));
            nb += w * w;
        }
        return combine(na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb),
                sameCompany(a.company(), b.company()), a.owner() != null && a.owner().equals(b.owner()));
    }

    /**
     * The similarity from its parts: the texts' cosine, the same company, the same entrepreneur (which counts only
     * with texts that are alike too: one firm sends different problems). {@link CandidateScan} computes the cosine
     * on arrays and calls this, so both give the same score.
     */
    static Score combine(double text, boolean company, boolean owner) {
        double value = TEXT_WEIGHT * text + (company ? COMPANY_WEIGHT : 0) + (owner && text >= 0.3 ? OWNER_BONUS : 0);
        return new Score(Math.min(1, value), text, company, owner);
    }

    /**
     * A background of this many documents sharing none of the terms is added to the open cases, so the idf of a
     * few open cases (a quiet week, a new district) does not turn the shared words of a duplicate into noise.
     */
    static final int BACKGROUND_DOCS = 100;

    /** BM25's idf, squared in the cosine so a rare shared term counts for much more than a common one. */
    static double idf(int docFreq, int docs) {
        int n = Math.max(0, docFreq);
        return Math.log(1 + (docs + BACKGROUND_DOCS - n + 0.5) / (n + 0.5));
    }

    /** BM25's term-frequency saturation (k1 = 1.2, no length normalisation). */
    static double saturate(int tf) {
        return tf * 2.2 / (tf + 1.2);
    }

    static String normaliseCompany(String company) {
        if (company == null) {
            return "";
        }
        return company.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}（）()·,，。.]", "")
                .replaceAll("(有限责任公司|股份有限公司|有限公司|公司|co\\.?,?ltd|ltd|llc|inc|limited|company|co)$", "");
    }

    /** The same name, or one the short form of the other (潍坊恒达建筑工程有限公司 / 恒达建筑工程). */
    static boolean sameCompany(String a, String b) {
        return sameNormalisedCompany(normaliseCompany(a), normaliseCompany(b));
    }

    /** {@link #sameCompany} of names already normalised (a scan normalises each stored name once). */
    static boolean sameNormalisedCompany(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = shorter == x ? y : x;
        // the cheap test first: a scan asks this of every case of the group
        return longer.contains(shorter) && shorter.length() >= (shorter.codePoints().anyMatch(cp -> cp > 0x2E80)
                ? 4 : 8);
    }

    private static boolean isPunctuation(String t) {
        return t.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
