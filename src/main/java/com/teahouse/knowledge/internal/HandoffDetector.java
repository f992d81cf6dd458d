package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Recognises a request for a person. Such a request is never answered from the digest, however
 * well its words happen to match an entry (the hotline entries mention 人工 and staff too).
 * <p>
 * The words are data, in the classpath resource {@value #LEXICON}: per language, strong phrases
 * (a request wherever they stand), and weaker forms (a verb of asking before a word for a person,
 * "your" boss, asking to be called back) that count unless the text is a question about the service
 * itself ("人工几点上班", "which command gets me a human agent"), which the digest answers.
 */
public final class HandoffDetector {

    static final String LEXICON = "/knowledge/handoff.yaml";

    /**
     * {@code staff}: a word for the hotline's own people, which in a short message is a request for one
     * ("坐席在吗", "agent??"), where a long one is more likely a question that mentions them.
     */
    private record Language(Pattern strong, Pattern request, Pattern staff, boolean words, int shortLength, Pattern about,
                            Pattern topic) {
        boolean matches(String q) {
            if (strong.matcher(q).find()) {
                return true;
            }
            // a staff word alone is a request only in a message that names no policy topic: "招聘工作人员有补贴吗"
            boolean asks = request.matcher(q).find()
                    || length(q) <= shortLength && staff.matcher(q).find() && !topic.matcher(q).find();
            return asks && !about.matcher(q).find();
        }

        /** Characters without blanks and punctuation in Chinese, words in English. */
        private int length(String q) {
            String letters = q.replaceAll("[\\p{Punct}\\p{IsPunctuation}]", "").strip();
            return words ? letters.split(" +").length : letters.replace(" ", "").length();
        }
    }

    private static final List<Language> LANGUAGES = load();

    private HandoffDetector() {
    }

    /**
     * A long paste is judged on its start and its end, where a request for a person stands ("…转人工"): the
     * lexicon's windowed patterns cost time per character, and a 100,000-character paste must stay cheap.
     */
    static final int HEAD = 1000;
    static final int TAIL = 300;

    public static boolean asksForPerson(String question) {
        if (question.length() > HEAD + TAIL) {
            return matches(normalise(question.substring(0, HEAD)))
                    || matches(normalise(question.substring(question.length() - TAIL)));
        }
        return matches(normalise(question));
    }

    private static boolean matches(String q) {
        for (Language l : LANGUAGES) {
            if (l.matches(q)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Full-width forms (ＡＩ, ！) folded by NFKC, curly apostrophes made straight, and the traditional forms of
     * the lexicon's characters made simplified: "轉人工" and "I’d like a human" are the same requests.
     */
    static String normalise(String question) {
        String q = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'');
        StringBuilder out = new StringBuilder(q.length());
        q.codePoints().forEach(cp -> {
            int i = TRADITIONAL.indexOf(cp);
            out.appendCodePoint(i < 0 ? cp : SIMPLIFIED.codePointAt(i));
        });
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** Traditional characters of the lexicon's words, each above its simplified form (both strings are BMP only). */
    private static final String TRADITIONAL = "轉機器動覆聯繫話員務們經導電請幫負責說談這個問題嗎聽沒對來給讓處麼屬門線專統範麗見過還會號碼與後";
    private static final String SIMPLIFIED = "转机器动复联系话员务们经导电请帮负责说谈这个问题吗听没对来给让处么属门线专统范丽见过还会号码与后";

    private static List<Language> load() {
        try (InputStream in = HandoffDetector.class.getResourceAsStream(LEXICON)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + LEXICON);
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            return List.of(language(root.path("zh"), "", 14), language(root.path("en"), "\\b", 6));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LEXICON, e);
        }
    }

    /**
     * {@code edge} is the word boundary of the language: none in Chinese, {@code \b} in English;
     * {@code shortLength} the longest message (characters in Chinese, words in English) a staff word alone makes a request.
     */
    private static Language language(JsonNode n, String edge, int shortLength) {
        String gap = edge.isEmpty() ? " ?" : " ";
        String ask = any(n, "ask");
        // up to two small words between the verb and the person: 转接一下你们的工作人员, talk to one of your staff
        String filler = "(?:(?:" + any(n, "filler") + ")" + gap + "){0,2}";
        String request = String.join("|", List.of(any(n, "weak"),
                edge + "(?:" + ask + ")" + gap + filler + "(?:" + any(n, "person") + ")" + edge,
                edge + "(?:" + ask + ")" + gap + (edge.isEmpty() ? "你们的?" : "(?:your|the|a) ") + "(?:" + any(n, "boss") + ")"
                        + edge,
                any(n, "callback")));
        return new Language(Pattern.compile(any(n, "strong")), Pattern.compile(request), Pattern.compile(any(n, "staff")),
                !edge.isEmpty(), shortLength, Pattern.compile(any(n, "about")), Pattern.compile(any(n, "topic")));
    }

    private static String any(JsonNode n, String key) {
        List<String> alternatives = new ArrayList<>();
        n.path(key).forEach(a -> alternatives.add(a.asText()));
        if (alternatives.isEmpty()) {
            throw new IllegalStateException(LEXICON + " has no " + key);
        }
        return "(?:" + String.join("|", alternatives) + ")";
    }
}
