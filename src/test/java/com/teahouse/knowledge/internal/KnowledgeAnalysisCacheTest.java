package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class KnowledgeAnalysisCacheTest {

    private final Analyzer zh = DigestAnalyzers.zh(null);

    @Test
    void replaysExactlyWhatTheAnalyzerProduces() throws IOException {
        String text = "大型企业拖欠中小企业账款\n工程款两年没结";
        AnalysisCache cache = new AnalysisCache();
        cache.beginBuild();
        List<String> direct = drain(zh.tokenStream(Fields.ZH_Q, text));
        assertEquals(direct, drain(cache.stream(zh, Fields.ZH_Q, text)));
        assertEquals(direct, drain(cache.stream(zh, Fields.ZH_Q, text)), "a stream can be replayed again");
    }

    @Test
    void keepsOnlyTheTextsOfTheLastBuild() {
        AnalysisCache cache = new AnalysisCache();
        cache.beginBuild();
        cache.stream(zh, Fields.ZH_Q, "保证金什么时候退");
        cache.stream(zh, Fields.ZH_Q, "注销公司要多久");
        assertEquals(2, cache.size());
        cache.beginBuild();
        cache.stream(zh, Fields.ZH_Q, "保证金什么时候退");
        assertEquals(1, cache.size());
        cache.beginBuild();
        assertEquals(0, cache.size());
    }

    @Test
    void reloadsReuseTokensOfUnchangedEntries() {
        AnalysisCache cache = new AnalysisCache();
        cache.beginBuild();
        AnalysisCache.Tokens first = tokens(cache, "退还质量保证金");
        cache.beginBuild();
        assertSame(first, tokens(cache, "退还质量保证金"));
        assertNotSame(first, tokens(cache, "退还履约保证金"));
    }

    private static AnalysisCache.Tokens tokens(AnalysisCache cache, String text) {
        try {
            var f = AnalysisCache.class.getDeclaredField("current");
            f.setAccessible(true);
            cache.stream(DigestAnalyzers.zh(null), Fields.ZH_Q, text);
            @SuppressWarnings("unchecked")
            var map = (java.util.Map<String, AnalysisCache.Tokens>) f.get(cache);
            return map.get(Fields.ZH_Q + '\u0000' + text);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> drain(TokenStream ts) throws IOException {
        List<String> out = new ArrayList<>();
        try (ts) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "/" + inc.getPositionIncrement());
            }
            ts.end();
        }
        return out;
    }
}
