package com.teahouse.knowledge.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digest covers two hotlines, this one and 12345, whose rules say nearly the same (保密, 时限, 进度 …). These
 * rules decide which of the two a question is about, for {@link Reranker}: a question asked in this chat is about
 * this hotline unless it names the other service by its number or a synonym of it.
 */
final class TwoHotlines {

    private static final Pattern SERVICE_NUMBER = Pattern.compile("\\d{5,}");

    private TwoHotlines() {
    }

    /**
     * The service numbers the question names (12345, or a synonym of a number that titles a candidate
     * such as 市民热线): then this hotline's own rules, near-duplicates of that service's (保密, 时限, 进度 …),
     * are not what the user asks about.
     */
    static Set<String> servicesNamed(QueryPlan plan, IndexSnapshot snap, List<Entry> top) {
        String q = (plan.text + " " + plan.context).toLowerCase(Locale.ROOT);
        Set<String> out = new TreeSet<>();
        Matcher m = SERVICE_NUMBER.matcher(q);
        while (m.find()) {
            out.add(m.group());
        }
        for (Entry e : top) {
            Matcher t = SERVICE_NUMBER.matcher(e.titleZh() + " " + e.titleEn());
            if (t.find() && !out.contains(t.group()) && namedBySynonym(t.group(), q, snap)) {
                out.add(t.group());
            }
        }
        return out;
    }

    /** An entry whose document is a hotline's rules (热线 in its title) that is not the named service's. */
    static boolean ownHotlineRule(Entry e, Set<String> servicesNamed) {
        if (servicesNamed.isEmpty() || e.sources().isEmpty()) {
            return false;
        }
        String doc = e.sources().get(0).document();
        if (!doc.contains("热线")) {
            return false;
        }
        String titles = doc + " " + e.titleZh() + " " + e.titleEn();
        return servicesNamed.stream().noneMatch(titles::contains);
    }

    static boolean namedBySynonym(String number, String q, IndexSnapshot snap) {
        for (SynonymRules.Expansion x : snap.synonyms().expand(number)) {
            for (String alternative : x.alternatives()) {
                if (q.contains(alternative.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the entry is about a service the question does not name. The digest covers two
     * hotlines, this one and 12345; a question about "the hotline", "you" or "here" asked in this
     * chat is about this one, so entries whose title names another service by number (or a synonym
     * of that number) rank a little lower unless the question names it too.
     */
    static boolean namesOtherService(Entry e, QueryPlan plan, IndexSnapshot snap) {
        Matcher m = SERVICE_NUMBER.matcher(e.titleEn() + " " + e.titleZh());
        if (!m.find()) {
            return false;
        }
        String number = m.group();
        // a follow-up of an answer about that service («怎么查到哪一步了» after 12345's time limits) names it too
        String q = (plan.text + " " + plan.context).toLowerCase(Locale.ROOT);
        if (q.contains(number)) {
            return false;
        }
        return !namedBySynonym(number, q, snap);
    }
}
