package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A question turned into Lucene clauses and into "concepts" for the confidence figure. The
 * question is only ever analysed into tokens and assembled into TermQuery clauses in code, never
 * given to a query parser, so {@code AND * " : ~ (} in user text are just characters.
 */
final class QueryPlan {

    /**
     * Bounded input bounds the query. A long paste is cut to its start, but not its ask: a long message tells its
     * story first and asks last ({@link AskClauses#keepingTheAsk}).
     */
    static final int MAX_CHARS = 300;
    /**
     * A long paste yields dozens of terms per field, most of them common words and bigrams with long
     * postings lists. Above this many, only the rarest terms go into the query: they decide the
     * ranking anyway, and the query stays cheap (see KnowledgeBench, long inputs).
     */
    static final int MAX_TERMS_PER_FIELD = 24;
    /** Pastes longer than this get a tighter budget still. */
    static final int LONG_INPUT_CHARS = 120;
    static final int MAX_TERMS_LONG_INPUT = 16;

    /** One idea of the question: the word typed, plus the synonyms that may stand in for it. */
    record Concept(String word, Set<String> forms, List<String> phrases, boolean english) {
    }

    final String text;
    /** A follow-up's context (the previous entry's topic), "" for a question on its own. */
    final String context;
    final boolean zh;
    final boolean en;
    final boolean mostlyZh;
    final Query query;
    final List<Concept> concepts;

    private QueryPlan(String text, String context, boolean zh, boolean en, Query query, List<Concept> concepts,
                      boolean mostlyZh) {
        this.text = text;
        this.context = context;
        this.zh = zh;
        this.en = en;
        this.query = query;
        this.concepts = concepts;
        this.mostlyZh = mostlyZh;
    }

    static QueryPlan of(String question, IndexSnapshot snap) {
        return of(question, "", snap);
    }

    /**
     * A follow-up: the question plus the words of its {@code context} (the previous entry's topic).
     * Context words count like words only a synonym brought in (a fraction of the field's weight), and
     * they are no concepts of the question: coverage stays a measure of what the user asked.
     */
    static QueryPlan of(String question, String context, IndexSnapshot snap) {
        return of(question, context, snap, -1);
    }

    /**
     * As above, with the context's words weighted at {@code contextFactor} of a field's weight (a negative
     * factor: like synonyms). A short follow-up leans on its context more than a question leans on a synonym.
     */
    static QueryPlan of(String question, String context, IndexSnapshot snap, float contextFactor) {
        String text = question == null ? "" : question.strip();
        if (text.length() > MAX_CHARS) {
            text = AskClauses.keepingTheAsk(text, MAX_CHARS);
        }
        String full = context == null || context.isBlank() ? text : text + " " + context.strip();
        int han = 0;
        int latin = 0;
        for (int cp : text.codePoints().toArray()) {
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            } else if (cp < 0x250 && Character.isLetter(cp)) {
                latin++;
            }
        }
        boolean zh = han > 0;
        boolean en = latin >= 2;
        boolean mostlyZh = han * 3 >= latin;
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        List<Concept> concepts = new ArrayList<>();
        if (zh) {
            List<SynonymRules.Expansion> expansions = snap.synonyms().expand(full);
            StringBuilder expanded = new StringBuilder(full);
            for (SynonymRules.Expansion x : expansions) {
                x.alternatives().forEach(a -> expanded.append(' ').append(a));
            }
            List<TokenLists.Token> words = TokenLists.tokens(snap.zhQuery(), Fields.ZH_Q, expanded.toString());
            List<TokenLists.Token> bigrams = TokenLists.tokens(snap.bigram(), Fields.ZH_Q_BI, expanded.toString());
            int typed = text.length();
            float zhContext = contextFactor < 0 ? Fields.SYNONYM_FACTOR : contextFactor;
            add(q, snap, Fields.ZH_Q, Fields.W_ZH_Q, words, typed, full.length(), Fields.SYNONYM_FACTOR, zhContext);
            add(q, snap, Fields.ZH_Q_BI, Fields.W_ZH_Q_BI, bigrams, typed, full.length(), Fields.SYNONYM_FACTOR, zhContext);
            add(q, snap, Fields.ZH_B_BI, Fields.W_ZH_B_BI, bigrams, typed, full.length(), Fields.SYNONYM_FACTOR, zhContext);
            if (mostlyZh) {
                concepts.addAll(concepts(words, text.length(), expansions, false));
            }
        }
        if (en) {
            List<TokenLists.Token> words = TokenLists.tokens(snap.enQuery(), Fields.EN_Q, full);
            float enContext = contextFactor < 0 ? Fields.SYNONYM_FACTOR_EN : contextFactor;
            add(q, snap, Fields.EN_Q, Fields.W_EN_Q, words, text.length(), full.length(), Fields.SYNONYM_FACTOR_EN, enContext);
            add(q, snap, Fields.EN_B, Fields.W_EN_B, words, text.length(), full.length(), Fields.SYNONYM_FACTOR_EN, enContext);
            if (!mostlyZh) {
                concepts.addAll(concepts(words, text.length(), List.of(), true));
            }
        }
        return new QueryPlan(text, context == null ? "" : context.strip(), zh, en, q.build(), List.copyOf(concepts),
                mostlyZh);
    }

    /**
     * Adds one SHOULD clause per distinct term. Words the user typed get the field's weight; words
     * only a synonym brought in get a fraction of it, so that a broad synonym group (个体户, 个体, 小店…)
     * helps recall without letting the entry that mentions every variant win every question.
     */
    private static void add(BooleanQuery.Builder q, IndexSnapshot snap, String field, float weight,
                            List<TokenLists.Token> tokens, int typedLength, int contextEnd, float synonymFactor,
                            float contextFactor) {
        Map<String, Float> weights = new LinkedHashMap<>();
        boolean englishField = field.equals(Fields.EN_Q) || field.equals(Fields.EN_B);
        for (TokenLists.Token t : tokens) {
            // the English chain splits Chinese into single characters (a synonym's 个体户 → 个, 体, 户; 政务热线 → 热, 线)
            // that match any entry whose Chinese tags share one: noise that lifted one entry of a family (getihu,
            // 12345) over the others. The Chinese fields match Chinese.
            if (englishField && hasHan(t.term())) {
                continue;
            }
            boolean typed = !t.synonym() && t.start() < typedLength;
            // the context's own words (typed after the question), not the synonyms of either
            boolean context = !t.synonym() && t.start() > typedLength && t.start() < contextEnd;
            float w = typed ? weight : weight * (context ? contextFactor : synonymFactor);
            weights.merge(t.term(), w, Math::max);
        }
        List<Map.Entry<String, Float>> terms = new ArrayList<>(weights.entrySet());
        int budget = typedLength > LONG_INPUT_CHARS ? MAX_TERMS_LONG_INPUT : MAX_TERMS_PER_FIELD;
        if (terms.size() > budget) {
            List<String> keys = terms.stream().map(Map.Entry::getKey).toList();
            int[] freqs = snap.docFreqs(field, keys);
            Map<String, Integer> df = new java.util.HashMap<>();
            for (int i = 0; i < freqs.length; i++) {
                df.put(keys.get(i), freqs[i]);
            }
            // terms no entry has cannot match; among the rest, the rarest say most
            terms.removeIf(e -> df.get(e.getKey()) == 0);
            terms.sort(java.util.Comparator.comparingInt(e -> df.get(e.getKey())));
            terms = terms.subList(0, Math.min(budget, terms.size()));
        }
        for (Map.Entry<String, Float> e : terms) {
            q.add(new BoostQuery(new TermQuery(new Term(field, e.getKey())), e.getValue()), BooleanClause.Occur.SHOULD);
        }
    }

    private static boolean hasHan(String term) {
        return term.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /**
     * Groups tokens that start at the same place in the question (a word and the synonyms the graph
     * put beside it); tokens from the appended expansion text are not concepts of their own.
     */
    private static List<Concept> concepts(List<TokenLists.Token> tokens, int questionLength,
                                          List<SynonymRules.Expansion> expansions, boolean english) {
        Map<Integer, Concept> byStart = new LinkedHashMap<>();
        // the synonym graph emits the first word of a multi-word alternative before the typed word it stands
        // beside (knockoff, infring… before "fake" of "fake products"): make the concepts first, then add forms
        for (TokenLists.Token t : tokens) {
            if (t.start() < questionLength && !t.synonym() && !byStart.containsKey(t.start())
                    && !QuestionWords.isFiller(t.term(), english)) {
                List<String> phrases = new ArrayList<>();
                for (SynonymRules.Expansion x : expansions) {
                    if (x.phrase().contains(t.term())) {
                        phrases.addAll(x.alternatives());
                    }
                }
                byStart.put(t.start(), new Concept(t.term(), new LinkedHashSet<>(), phrases, english));
            }
        }
        for (TokenLists.Token t : tokens) {
            if (t.start() >= questionLength) {
                continue;
            }
            if (english && t.synonym()) {
                // an alternative of a multi-word phrase stands for each of its words ("not doing his job" → job),
                // including when the phrase starts on a stop word, where no concept starts
                for (Map.Entry<Integer, Concept> e : byStart.entrySet()) {
                    if (e.getKey() >= t.start() && e.getKey() < Math.max(t.end(), t.start() + 1)) {
                        e.getValue().forms().add(t.term());
                    }
                }
                continue;
            }
            Concept c = byStart.get(t.start());
            if (c == null) {
                continue;
            }
            // a multi-word synonym reaches the graph word by word (换了领导 → 换, 了, 领导; 注销营业执照 → 注销,
            // 营业执照): its words would be "found" in entries that only share them (营业执照 for 注销), so a Chinese
            // synonym is a form only when it is a whole alternative of this word's phrase rules
            if (!t.synonym() || english || c.phrases().contains(t.term())) {
                c.forms().add(t.term());
            }
        }
        return new ArrayList<>(byStart.values());
    }
}
