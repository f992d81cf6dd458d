package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.util.Map;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Writes American spellings the British way (license → licence, center → centre, labor → labour, organize →
 * organise), on lower-cased words before stemming, in the index and the query chains alike. The digest is written
 * in British English and people type both; Porter's stemmer keeps the two apart (licens / licenc, center / centr),
 * so a question saying "business license" matched the licence entries only through a synonym's fraction of the
 * weight. One spelling of one word is no synonym.
 */
final class BritishSpellingFilter extends TokenFilter {

    /** Word starts spelt differently; each applies to the words that start with it (licensed, labors …). */
    private static final Map<String, String> STARTS = Map.of(
            "licens", "licenc", "labor", "labour", "favor", "favour", "behavior", "behaviour", "honor", "honour",
            "neighbor", "neighbour", "cancele", "cancelle", "canceli", "cancelli");
    /** Whole words. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("center", "centre"), Map.entry("centers", "centres"),
            Map.entry("program", "programme"), Map.entry("programs", "programmes"),
            Map.entry("catalog", "catalogue"), Map.entry("catalogs", "catalogues"),
            Map.entry("defense", "defence"), Map.entry("offense", "offence"), Map.entry("offenses", "offences"));
    private static final String[] IZE_ENDINGS = {"ize", "izes", "ized", "izing", "ization", "izations", "izer", "izers"};

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    BritishSpellingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        String british = british(word);
        if (!british.equals(word)) {
            term.setEmpty().append(british);
        }
        return true;
    }

    static String british(String word) {
        String whole = WORDS.get(word);
        if (whole != null) {
            return whole;
        }
        for (Map.Entry<String, String> e : STARTS.entrySet()) {
            if (word.startsWith(e.getKey()) && !word.startsWith("laborator")) {
                return e.getValue() + word.substring(e.getKey().length());
            }
        }
        for (String ending : IZE_ENDINGS) {
            // three letters before -ize at least: size, seize, prize stay as they are
            if (word.endsWith(ending) && word.length() - ending.length() >= 3) {
                int at = word.length() - ending.length();
                return word.substring(0, at) + "is" + word.substring(at + 2);
            }
        }
        return word;
    }
}
