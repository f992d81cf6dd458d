package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;

/** The article-reference parser behind kb check: Chinese numerals round-trip, references are found in prose. */
class ArticleRefsPropertyTest {

    @Property
    void chineseNumeralsRoundTrip(@ForAll @IntRange(min = 1, max = 9999) int n) {
        assertEquals(n, ArticleRefs.parseNumeral(ArticleRefs.toChinese(n)));
        assertEquals(n, ArticleRefs.parseNumeral(Integer.toString(n)));
    }

    @Property
    void aReferenceIsFoundInAnyProseWithItsDocument(@ForAll @IntRange(min = 1, max = 999) int n,
            @ForAll boolean arabic,
            @ForAll @StringLength(max = 20) @Chars({'的', '规', '定', '，', '。', '企', 'a', ' ', '业'}) String before,
            @ForAll @StringLength(max = 20) @Chars({'作', '出', '规', '定', '；', '和', 'b'}) String after) {
        String numeral = arabic ? Integer.toString(n) : ArticleRefs.toChinese(n);
        String text = before + "《优化营商环境条例》第" + numeral + "条" + after;
        List<ArticleRefs.Ref> refs = ArticleRefs.zh(text, null);
        assertEquals(1, refs.size(), text);
        assertEquals(n, refs.get(0).article());
        assertEquals("优化营商环境条例", refs.get(0).document());
    }

    @Property
    void zhAndEnRangesAgree(@ForAll @IntRange(min = 1, max = 300) int from, @ForAll @IntRange(min = 0, max = 5) int width) {
        int to = from + width;
        List<Integer> expected = IntStream.rangeClosed(from, to).boxed().toList();
        String zh = "第" + ArticleRefs.toChinese(from) + "条" + (width == 0 ? "" : "至第" + ArticleRefs.toChinese(to) + "条");
        assertEquals(expected, ArticleRefs.zh(zh, "某条例").stream().map(ArticleRefs.Ref::article).toList(), zh);
        String en = width == 0 ? "Article " + from : "Articles " + from + " to " + to;
        assertEquals(expected, ArticleRefs.en(en), en);
    }

    @Example
    void canonicalNumerals() {
        assertEquals("十二", ArticleRefs.toChinese(12));
        assertEquals("一百零三", ArticleRefs.toChinese(103));
        assertEquals("一百一十", ArticleRefs.toChinese(110));
        assertEquals("一千零一十", ArticleRefs.toChinese(1010));
        assertEquals(2, ArticleRefs.parseNumeral("两"));
        assertEquals(-1, ArticleRefs.parseNumeral("第"));
    }

    @Example
    void attributionFollowsTheLastNamedDocumentAndSkipsTitles() {
        List<ArticleRefs.Ref> refs = ArticleRefs.zh(
                "《优化营商环境条例》第三十一条、《山东省优化营商环境条例》第四十一条作出规定；第六十九条把…", null);
        assertEquals(List.of(31, 41, 69), refs.stream().map(ArticleRefs.Ref::article).toList());
        assertEquals("山东省优化营商环境条例", refs.get(2).document());
        assertEquals(List.of(), ArticleRefs.zh("第三条例外", null));
    }

    @Example
    void englishListsRangesAndParagraphs() {
        assertEquals(List.of(2, 37, 38, 39), ArticleRefs.en("Articles 2 and 37-39 of the regulation"));
        assertEquals(List.of(9), ArticleRefs.en("Article 9(2) of the payment regulation"));
        assertEquals(List.of(10, 21), ArticleRefs.en("Article 10(3) and Article 21(6)"));
        assertEquals(List.of(26, 33), ArticleRefs.en("Articles 26 and 33"));
        assertEquals(List.of(31), ArticleRefs.en("under Art. 31. Pay within 60 days"));
    }

    @Example
    void subdivisionsWithAndWithoutBrackets() {
        assertEquals(List.of(2, 8), ArticleRefs.zhSubdivisions("第十七条第二款、第二十一条第（八）项"));
    }
}
