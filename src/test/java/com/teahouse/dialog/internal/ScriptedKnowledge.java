package com.teahouse.dialog.internal;

import com.teahouse.knowledge.DigestAnswer;
import com.teahouse.knowledge.DigestAnswer.Decline;
import com.teahouse.knowledge.DigestHit;
import com.teahouse.knowledge.PolicyDigest;
import com.teahouse.knowledge.PreviousTurn;
import com.teahouse.texts.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the knowledge module decides for some questions, as a conversation script sets it (its {@code knowledge:}
 * list), so that the dialog's scripts ("did you mean", follow-ups) do not depend on how the ranking is tuned.
 * The production adapter {@link DigestPolicyLookup} is used unchanged, with this as its way of asking; the
 * entries shown (titles, answers, citations) are always the real digest's, and every question no script names
 * goes to the real digest.
 *
 * <pre>
 * knowledge:
 *   - {ask: 企业被乱收费怎么办, offer: [gt-arbitrary-fees, fee-catalog-list]}   # not sure: did you mean
 *   - {ask: 那个体户呢？, topic: payment-term-60-days, answer: gt-arrears}     # only as that entry's follow-up
 *   - {ask: 今天天气怎么样, none: true}                                          # nothing plausible
 *   - {ask: 那要是大公司呢, after: 区卫健委欠我们设备款, answer: payment-term-60-days} # after that unanswered question
 * </pre>
 * A row with {@code topic} applies only when the question is asked in that entry's context, one with {@code after}
 * only when it follows that question, which nothing answered; a scripted question that no row fits is "no match".
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedKnowledge {

    /** The scripted rows, added by each script that has any (a later row for the same question comes first). */
    public static final class Table {

        private final List<Map<String, Object>> rows = new CopyOnWriteArrayList<>();

        @SuppressWarnings("unchecked")
        public void add(List<?> scriptRows) {
            scriptRows.forEach(r -> rows.add(0, (Map<String, Object>) r));
        }

        DigestAnswer ask(PolicyDigest digest, String question, String lang, int limit, PreviousTurn previous) {
            String topic = previous.entryId();
            String q = question == null ? "" : question.strip();
            List<Map<String, Object>> named = rows.stream().filter(r -> q.equals(String.valueOf(r.get("ask"))))
                    .toList();
            if (named.isEmpty()) {
                return digest.ask(question, lang, limit, previous);
            }
            var row = named.stream().filter(r -> r.get("topic") != null && r.get("topic").equals(topic)).findFirst()
                    .or(() -> named.stream().filter(r -> r.get("after") != null
                            && r.get("after").equals(previous.question())).findFirst())
                    .or(() -> named.stream().filter(r -> r.get("topic") == null && r.get("after") == null).findFirst())
                    .orElse(null);
            if (row == null || Boolean.TRUE.equals(row.get("none"))) {
                return new DigestAnswer(q, lang, false, Decline.NO_MATCH, 0, List.of());
            }
            if (row.get("answer") != null) {
                return new DigestAnswer(q, lang, true, Decline.NONE, 1, List.of(hit(digest, row.get("answer"), lang)));
            }
            List<DigestHit> offered = new ArrayList<>();
            ((List<?>) row.get("offer")).forEach(id -> offered.add(hit(digest, id, lang)));
            return new DigestAnswer(q, lang, false, Decline.NOT_SURE, 0.3, offered, offered);
        }

        private static DigestHit hit(PolicyDigest digest, Object id, String lang) {
            return digest.entry(String.valueOf(id), lang).orElseThrow(() -> new AssertionError(
                    "the script names entry '" + id + "', which knowledge/ does not have"));
        }
    }

    @Bean
    Table scriptedKnowledgeTable() {
        return new Table();
    }

    @Bean
    @Primary
    PolicyLookup scriptedPolicyLookup(PolicyDigest digest, Texts texts, Table table) {
        return new DigestPolicyLookup(digest, texts, (q, lang, limit, previous) -> table.ask(digest, q, lang, limit, previous));
    }
}
