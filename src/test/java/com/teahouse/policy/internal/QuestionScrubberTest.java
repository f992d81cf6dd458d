package com.teahouse.policy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No number that could name a person survives the scrubber, whatever surrounds it; a policy question does. */
class QuestionScrubberTest {

    private static final Pattern SEVEN_DIGITS = Pattern.compile("(\\d[\\s\\-.]{0,2}){7}");

    @Property(tries = 500)
    void noPhoneIdOrCodeSurvives(@ForAll("text") String before, @ForAll("personal") String number,
                                 @ForAll("text") String after) {
        String scrubbed = QuestionScrubber.scrub(before + number + after);
        assertFalse(scrubbed.contains(number.strip()), scrubbed);
        assertFalse(SEVEN_DIGITS.matcher(scrubbed).find(), scrubbed);
        assertTrue(scrubbed.contains(QuestionScrubber.MASK), scrubbed);
    }

    @Property(tries = 300)
    void scrubbingTwiceChangesNothingMore(@ForAll("text") String before, @ForAll("personal") String number) {
        String once = QuestionScrubber.scrub(before + number);
        assertEquals(once, QuestionScrubber.scrub(once));
    }

    @Property(tries = 300)
    void aQuestionWithoutLongNumbersStaysAsItIs(@ForAll("text") String text) {
        assertEquals(text.strip(), QuestionScrubber.scrub(text));
    }

    @Example
    void articleNumbersYearsAndAmountsStay() {
        String q = "《优化营商环境条例》第31条说2026年起超过60天未付的500万元怎么办";
        assertEquals(q, QuestionScrubber.scrub(q));
    }

    @Example
    void fullWidthDigitsAndEmailsGoToo() {
        assertEquals("我的电话***，邮箱 ***", QuestionScrubber.scrub("我的电话１３８００１３８０００，邮箱 a.b@example.com"));
    }

    /** Chinese and English text around the number: letters, punctuation, short numbers (never seven digits). */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> words = Arbitraries.of("请问", "企业", "拖欠", "账款", "怎么办", "my", "company", "is", "owed",
                "第12条", "2026年", "60天", " ", "，", "？", "?", "(", ")", "-", "号码", "电话", "id");
        return words.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    /** Mobile and landline numbers with separators, ID card numbers, credit codes, in half or full width. */
    @Provide
    Arbitrary<String> personal() {
        Arbitrary<String> mobile = Combinators.combine(Arbitraries.of("13", "15", "18", "19"),
                Arbitraries.strings().numeric().ofLength(9), Arbitraries.of("", " ", "-"), Arbitraries.of("", "+86 "))
                .as((p, rest, sep, cc) -> " " + cc + p + rest.charAt(0) + sep + rest.substring(1, 5) + sep
                        + rest.substring(5) + " ");
        Arbitrary<String> landline = Combinators.combine(Arbitraries.strings().numeric().ofLength(3),
                Arbitraries.strings().numeric().ofLength(8)).as((a, b) -> " 0" + a + "-" + b + " ");
        Arbitrary<String> idCard = Combinators.combine(Arbitraries.strings().numeric().ofLength(17),
                Arbitraries.of("X", "x", "7")).as((d, c) -> " " + d + c + " ");
        Arbitrary<String> creditCode = Arbitraries.strings().withChars("0123456789ABCDEFGHJKLMNPQRTUWXY")
                .ofLength(10).map(s -> " 913701" + "00" + s + " ");
        Arbitrary<String> plain = Arbitraries.oneOf(mobile, landline, idCard, creditCode);
        return Combinators.combine(plain, Arbitraries.of(true, false)).as((s, wide) -> wide ? fullWidth(s) : s);
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.appendCodePoint(c >= '0' && c <= '9' ? c - '0' + '０' : c));
        return b.toString();
    }
}
