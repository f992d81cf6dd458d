package com.teahouse.knowledge.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a reader of one language version sees (days, amounts, percentages, article and paragraph
 * numbers), normalised so that the zh and en versions of the same text can be compared: 10万 = 100,000,
 * 第三十七条至第三十九条 = Articles 37-39, 3月31日 = 31 March. Number words (三个月, three months) are not
 * counted on either side, so a mechanical comparison stays free of guesses.
 */
final class WrittenNumbers {

    /** 100,000 / 0.05 / 10万 (10 thousand-units); a bare digit run is the common case. */
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(万|亿)?");
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");
    /** A month name next to a day number ("31 March", "March 31"), so that the modal "may" is not May. */
    private static final Pattern MONTH = Pattern.compile("(?<=\\d\\s)(" + String.join("|", MONTHS) + ")\\b|\\b("
            + String.join("|", MONTHS) + ")(?=\\s\\d)");

    private WrittenNumbers() {
    }

    /** Written numbers, article numbers (第十二条, ranges expanded) and paragraph/item numbers (第二款, 第（八）项). */
    static Set<BigDecimal> zh(String text) {
        Set<BigDecimal> out = numbers(text);
        ArticleRefs.zh(text, null).forEach(r -> out.add(BigDecimal.valueOf(r.article())));
        ArticleRefs.zhSubdivisions(text).forEach(n -> out.add(BigDecimal.valueOf(n)));
        return out;
    }

    /** Written numbers, article numbers (ranges expanded) and month names (31 March ~ 3月31日). */
    static Set<BigDecimal> en(String text) {
        Set<BigDecimal> out = numbers(text);
        ArticleRefs.en(text).forEach(n -> out.add(BigDecimal.valueOf(n)));
        Matcher m = MONTH.matcher(text == null ? "" : text);
        while (m.find()) {
            String month = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(BigDecimal.valueOf(MONTHS.indexOf(month) + 1L));
        }
        return out;
    }

    private static Set<BigDecimal> numbers(String text) {
        Set<BigDecimal> out = new TreeSet<>();
        Matcher m = NUMBER.matcher(text == null ? "" : text);
        while (m.find()) {
            BigDecimal n = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
            if (m.group(3) != null) {
                n = n.scaleByPowerOfTen(m.group(3).equals("万") ? 4 : 8);
            }
            out.add(new BigDecimal(n.stripTrailingZeros().toPlainString()));
        }
        return out;
    }
}
