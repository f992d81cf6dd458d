package com.teahouse.policy.internal;

import com.teahouse.knowledge.OnTheRealDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The clustering rule on the real digest's analyzers, without Redis (the same rule {@link UnansweredClusters}
 * applies): 30 phrasings of one question make a few lines, and a different question makes its own.
 */
class ClusterMatchTest extends OnTheRealDigest {

    static final List<String> MILK_TEA = List.of("开一家奶茶店需要办哪些证照", "开奶茶店要办什么证", "奶茶店需要哪些证件",
            "我想开个奶茶店，要办哪些手续", "请问开奶茶店需要什么执照", "开奶茶店得办什么许可证", "奶茶店开业要准备哪些证照",
            "想开一家奶茶店，证照怎么办", "开个奶茶店要什么证", "奶茶店营业需要办理哪些证", "开奶茶店需要办食品经营许可证吗",
            "奶茶店要不要办健康证和营业执照", "开奶茶店都要办什么证照啊", "新开奶茶店办证流程是什么", "奶茶店办证需要哪些材料",
            "开奶茶店需要什么手续和证件", "我要开奶茶店，需要办几个证", "奶茶店证照怎么办理", "请问奶茶店需要办哪些许可",
            "开一个奶茶店要哪些证件", "开奶茶店要办营业执照吗", "奶茶店需要办理什么证照才能营业", "开奶茶店证件有哪些",
            "奶茶店开店要办什么证", "开奶茶店要哪些证", "开家奶茶店需要办什么证照", "奶茶店的证照有哪些",
            "开奶茶店需要办理哪些证照手续", "奶茶店需要什么执照才能开", "想开奶茶店要办啥证");


    /** One line in memory: the first phrasing's words and all phrasings' words. */
    record Line(Set<String> first, Set<String> all, String top) {
    }

    static int lines(List<String> questions, List<Line> lines) {
        for (String q : questions) {
            Set<String> words = ClusterMatch.significant(digest.terms(q));
            String top = digest.ask(q, "zh", 3).results().stream().findFirst().map(h -> h.id()).orElse(null);
            Line best = null;
            double bestScore = 0;
            for (Line l : lines) {
                double s = ClusterMatch.score(words, top, l.first(), l.all(), l.top());
                if (s > bestScore) {
                    bestScore = s;
                    best = l;
                }
            }
            if (best == null) {
                lines.add(new Line(words, new LinkedHashSet<>(words), top));
            } else {
                best.all().addAll(words);
            }
        }
        return lines.size();
    }

    @Test
    void thirtyPhrasingsOfOneQuestionMakeAFewLines() {
        int n = lines(MILK_TEA, new ArrayList<>());
        System.out.println("30 phrasings of one question -> " + n + " line(s)");
        assertEquals(30, MILK_TEA.size());
        assertTrue(n <= 4, n + " lines");
    }

    @Test
    void anotherQuestionGetsItsOwnLine() {
        List<Line> lines = new ArrayList<>();
        int n = lines(MILK_TEA, lines);
        assertEquals(n + 1, lines(List.of("外卖平台抽成太高有没有规定管"), lines));
        assertEquals(0, ClusterMatch.score(Set.of("a"), null, Set.of(), Set.of(), null));
    }
}
