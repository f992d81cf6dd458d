package com.teahouse.knowledge.internal;

import java.util.Set;

/**
 * Words that shape a question but carry no topic ("how", "can I", 怎么办, 请问). They still go into
 * the Lucene query, but they do not count when judging how much of a question an entry covers.
 */
final class QuestionWords {

    private static final Set<String> ZH = words(
            "我", "我们", "你", "你们", "他", "她", "它", "的", "了", "吗", "呢", "啊", "吧", "呀", "么", "嘛", "是", "在",
            "有", "和", "与", "或", "及", "就", "都", "也", "还", "又", "很", "太", "这", "那", "这个", "那个", "这样",
            "怎么", "怎么办", "怎样", "如何", "什么", "为什么", "哪", "哪里", "哪儿", "哪些", "多少", "多久", "几",
            "可以", "能", "能不能", "可不可以", "要", "想", "请问", "问", "问一下", "一下", "下", "请", "帮", "帮忙",
            "是不是", "有没有", "会", "会不会", "该", "应该", "需要", "一个", "个", "被", "给", "让", "把", "对", "到",
            "说", "去", "来", "你好", "您好", "你", "您", "好", "谢谢", "感谢", "在吗", "好的", "嗯", "哦", "上", "不", "没", "没有", "吗？", "现在", "已经", "还是", "但是", "如果", "因为", "所以");

    private static final Set<String> EN = words(
            "i", "my", "me", "we", "our", "you", "your", "how", "what", "which", "who", "whom", "when", "where", "why",
            "can", "could", "would", "should", "shall", "may", "might", "must", "do", "doe", "did", "done", "get", "got",
            "need", "want", "pleas", "pls", "help", "know", "tell", "anyon", "someth", "thing", "there", "ani",
            "much", "mani", "long", "is", "am", "are", "wa", "were", "been", "have", "ha", "had", "us", "it", "about",
            "just", "still", "now", "also", "hi", "hello", "becaus", "from", "some", "whether", "if", "make", "go",
            "allow", "thank", "thanks", "hey", "ok", "okay", "realli", "am", "im", "it'", "doesn't", "don't", "dont", "cannot", "can't",
            // pronouns and intensifiers past Lucene's stop set (stemmed as the analyzer stems them)
            "them", "he", "she", "her", "him", "so", "veri", "too", "again", "ever", "even", "yet", "anyth", "anybodi",
            "someon", "somebodi", "actual", "basic", "honestli", "guy", "ye", "yeah");

    /**
     * More English filler, written as typed and stemmed here as the analyzer stems it (guys → gui, we're → we'r),
     * so the list cannot drift from the chain: contractions and chat words carry no topic.
     */
    private static final Set<String> EN_TYPED = stemmedWords(
            "guys", "we're", "they're", "you're", "i'm", "i've", "we've", "they've", "i'd", "we'd", "i'll", "we'll",
            "im", "ive", "wont", "cant", "isnt", "hasnt", "havent", "didnt", "doesnt", "wasnt", "arent", "werent",
            "like", "literally", "seriously", "btw", "plz", "thx", "u", "ur", "kinda", "gonna", "wanna", "anyway",
            "lol");

    private QuestionWords() {
    }

    private static Set<String> stemmedWords(String... words) {
        return java.util.Arrays.stream(words).map(TokenLists::stem).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** won't, hasn't, didn't …, also with a typographic apostrophe: a negated auxiliary, no topic. */
    private static boolean negatedAuxiliary(String term) {
        return term.endsWith("n't") || term.endsWith("n\u2019t");
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    static boolean isFiller(String term, boolean english) {
        return english ? EN.contains(term) || EN_TYPED.contains(term) || negatedAuxiliary(term)
                : ZH.contains(term) || isPunctuation(term);
    }

    private static boolean isPunctuation(String term) {
        return term.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
