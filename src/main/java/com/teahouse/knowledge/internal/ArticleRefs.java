package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds article references in the prose of an entry, so that {@code kb check} can hold the text to the
 * same standard as the front matter: 第十二条, 第一百零三条 and 第12条 in Chinese (each attributed to the
 * 《document》 written last before it), "Article 9(2)", "Articles 2 to 4", "Art. 31" in English.
 * A range (第三十七条至第三十九条, Articles 37-39) counts as every article in it.
 */
final class ArticleRefs {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String NUMERAL = "[0-9零〇一二两三四五六七八九十百千]+";

    /** 《document》, or 第N条 optionally followed by 至第M条 (a range). "第N条例" is a title, not an article. */
    private static final Pattern ZH = Pattern.compile(
            "《([^》]+)》|第(" + NUMERAL + ")条(?!例)(?:(?:至|到)第(" + NUMERAL + ")条)?");
    /** 第N款 / 第N项 / 第（N）项: paragraph and item numbers, compared with the English version. */
    private static final Pattern ZH_SUB = Pattern.compile("第[（(]?(" + NUMERAL + ")[）)]?[款项]");
    private static final Pattern EN = Pattern.compile(
            "\\bArt(?:icles?|s?\\.)\\s*(\\d+(?:\\(\\d+\\))*(?:\\s*(?:,\\s*and|,|and|or|to|-|–)\\s*\\d+(?:\\(\\d+\\))*)*)");
    private static final Pattern EN_PART = Pattern.compile("(\\d+)(?:\\(\\d+\\))*|(to|-|–)");
    private static final Pattern DOCUMENT = Pattern.compile("《([^》]+)》");

    /** A Chinese-text reference: the article, the document written last before it (null if none), where. */
    record Ref(String document, int article, int start, String written) {
    }

    private ArticleRefs() {
    }

    /** Article references in Chinese text; {@code document} carries over from {@code before} (the last 《》 seen). */
    static List<Ref> zh(String text, String before) {
        List<Ref> refs = new ArrayList<>();
        String document = before;
        Matcher m = ZH.matcher(text == null ? "" : text);
        while (m.find()) {
            if (m.group(1) != null) {
                document = m.group(1).strip();
                continue;
            }
            int from = parseNumeral(m.group(2));
            int to = m.group(3) == null ? from : parseNumeral(m.group(3));
            if (from < 0 || to < 0) {
                continue;
            }
            for (int a = from; a <= Math.max(from, Math.min(to, from + 200)); a++) {
                refs.add(new Ref(document, a, m.start(), m.group()));
            }
        }
        return refs;
    }

    /** The last 《document》 named in {@code text}, or {@code otherwise}. */
    static String lastDocument(String text, String otherwise) {
        String last = otherwise;
        Matcher m = DOCUMENT.matcher(text == null ? "" : text);
        while (m.find()) {
            last = m.group(1).strip();
        }
        return last;
    }

    /** Every 《document》 named in the text, in order. */
    static List<String> documents(String text) {
        List<String> docs = new ArrayList<>();
        Matcher m = DOCUMENT.matcher(text == null ? "" : text);
        while (m.find()) {
            docs.add(m.group(1).strip());
        }
        return docs;
    }

    /** 第N款 and 第N项 numbers. */
    static List<Integer> zhSubdivisions(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = ZH_SUB.matcher(text == null ? "" : text);
        while (m.find()) {
            int n = parseNumeral(m.group(1));
            if (n >= 0) {
                out.add(n);
            }
        }
        return out;
    }

    /** Article numbers in English text, ranges expanded; paragraph numbers in brackets are not articles. */
    static List<Integer> en(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = EN.matcher(text == null ? "" : text);
        while (m.find()) {
            Matcher p = EN_PART.matcher(m.group(1));
            boolean range = false;
            while (p.find()) {
                if (p.group(2) != null) {
                    range = true;
                    continue;
                }
                int n = Integer.parseInt(p.group(1));
                if (range && !out.isEmpty()) {
                    int from = out.get(out.size() - 1);
                    for (int a = from + 1; a < n && a <= from + 200; a++) {
                        out.add(a);
                    }
                }
                out.add(n);
                range = false;
            }
        }
        return out;
    }

    /** 十二 → 12, 一百零三 → 103, 两千 → 2000, 12 → 12; -1 when it is not a numeral. */
    static int parseNumeral(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return s.length() > 6 ? -1 : Integer.parseInt(s);
        }
        int total = 0;
        int digit = -1;
        for (char c : s.toCharArray()) {
            int d = c == '两' ? 2 : c == '〇' ? 0 : DIGITS.indexOf(c);
            int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : 0;
            if (d >= 0) {
                digit = d;
            } else if (unit > 0) {
                total += (digit < 0 ? 1 : digit) * unit;
                digit = -1;
            } else {
                return -1;
            }
        }
        return total + Math.max(digit, 0);
    }

    /** 12 → 十二, 103 → 一百零三, 110 → 一百一十: the way the texts write article numbers (1..9999). */
    static String toChinese(int n) {
        if (n <= 0 || n > 9999) {
            throw new IllegalArgumentException("article numbers are 1..9999: " + n);
        }
        StringBuilder sb = new StringBuilder();
        int[] units = {1000, 100, 10, 1};
        String names = "千百十";
        boolean started = false;
        boolean gap = false;
        for (int i = 0; i < units.length; i++) {
            int d = n / units[i] % 10;
            if (d == 0) {
                gap = started;
                continue;
            }
            if (gap) {
                sb.append('零');
                gap = false;
            }
            if (!(units[i] == 10 && d == 1 && !started)) {
                sb.append(DIGITS.charAt(d));
            }
            if (i < 3) {
                sb.append(names.charAt(i));
            }
            started = true;
        }
        return sb.toString();
    }
}
