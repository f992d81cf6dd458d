package com.teahouse.dialog.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.CaseRecord;
import com.teahouse.knowledge.PolicyDigest;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.Outbound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expectations of a script step, on what that step answered: expect, not, buttons, no-buttons, silent;
 * entry (the reply holds that policy entry's real title: its answer), offered (exactly these entries as buttons);
 * no-case (the chat owns no case), no-state (no conversation state is stored for the chat);
 * staff (texts that reached the case's staff topic); case (fields of the newest case of the chat, as the real
 * case store holds it: CaseRecord's fields, e.g. kind, category, state, claimedBy, rating).
 */
final class ScriptChecks {

    private static final Set<String> STAFF_ACTIONS = Set.of("takeover", "staff-says", "handback", "wait", "merge",
            "unmerge");

    private final ScriptRunner.Driver driver;
    private final Address chat;
    private final String language;

    ScriptChecks(ScriptRunner.Driver driver, Address chat, String language) {
        this.driver = driver;
        this.chat = chat;
        this.language = language;
    }

    /** The newest case this chat owns; fails the step if there is none. */
    String newestCase(String where) {
        var mine = ScriptRunner.desk(driver).casesOf(new Address(chat.channel(), chat.chat(), null));
        if (mine.isEmpty()) {
            throw new AssertionError(where + ": the chat has no case");
        }
        return mine.get(0).trackingNumber();
    }

    /** The newest case this chat owns, or null. */
    String newestCaseOrNull() {
        var mine = ScriptRunner.desk(driver).casesOf(new Address(chat.channel(), chat.chat(), null));
        return mine.isEmpty() ? null : mine.get(0).trackingNumber();
    }

    /** The step with "{case}" replaced, where the chat has a case. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> step) {
        String t = newestCaseOrNull();
        return t == null ? step : (Map<String, Object>) replace(step, "{case}", t);
    }

    static Object replace(Object value, String token, String t) {
        if (value instanceof String s) {
            return s.replace(token, t);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> replace(v, token, t)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), replace(v, token, t)));
            return out;
        }
        return value;
    }

    /** Before a step that expects {@code missed:}: what earlier steps published is not its business. */
    void beforeStep(Map<String, Object> step) {
        if (step.containsKey("missed")) {
            driver.bean(HeardMisses.class).drain();
        }
    }

    @SuppressWarnings("unchecked")
    void check(Map<String, Object> step, List<Outbound> mine, List<Outbound> all, String where) {
        String text = String.join("\n---\n", mine.stream().filter(o -> o.text() != null)
                .map(o -> o.text().plainText()).toList());
        for (String expected : strings(step.get("expect"))) {
            assertTrue(text.contains(expected), where + ": expected '" + expected + "' in reply:\n" + text);
        }
        for (String unwanted : strings(step.get("not"))) {
            assertFalse(text.contains(unwanted), where + ": did not expect '" + unwanted + "' in reply:\n" + text);
        }
        for (String label : strings(step.get("buttons"))) {
            assertTrue(labels(mine).contains(label), where + ": expected button '" + label + "' in " + labels(mine));
        }
        for (String id : strings(step.get("entry"))) {
            String title = driver.bean(PolicyDigest.class).entry(id, language).orElseThrow().title();
            assertTrue(text.contains(title), where + ": expected the answer of '" + id + "' (" + title + ") in reply:\n"
                    + text);
        }
        if (step.containsKey("offered")) {
            List<String> offered = mine.stream().flatMap(o -> o.buttons().stream()).flatMap(List::stream)
                    .map(Button::data).filter(d -> d != null && d.startsWith("kb:")).map(d -> d.substring(3)).toList();
            assertEquals(strings(step.get("offered")), offered, where + ": the entries offered as buttons");
        }
        for (String label : strings(step.get("no-buttons"))) {
            assertFalse(labels(mine).contains(label), where + ": unexpected button '" + label + "'");
        }
        if (Boolean.TRUE.equals(step.get("silent"))) {
            assertTrue(mine.isEmpty(), where + ": expected no reply to the chat, got:\n" + text);
        } else if (STAFF_ACTIONS.stream().noneMatch(step::containsKey) && !step.containsKey("staff")) {
            assertFalse(mine.isEmpty(), where + ": expected a reply");
        }
        if (step.containsKey("staff")) {
            Address topic = ScriptRunner.awaitTopic(driver.work(), newestCase(where));
            String staff = String.join("\n", all.stream().filter(o -> o.to().equals(topic))
                    .map(o -> o.text() == null ? "" : o.text().plainText()).toList());
            for (String expected : strings(step.get("staff"))) {
                assertTrue(staff.contains(expected), where + ": expected '" + expected + "' relayed to staff:\n" + staff);
            }
        }
        if (Boolean.TRUE.equals(step.get("no-case"))) {
            assertTrue(ScriptRunner.desk(driver).casesOf(new Address(chat.channel(), chat.chat(), null)).isEmpty(),
                    where + ": expected the chat to own no case");
        }
        if (Boolean.TRUE.equals(step.get("no-state"))) {
            var store = driver.bean(com.teahouse.store.RedisStore.class);
            var keys = driver.bean(com.teahouse.messaging.internal.MessagingKeys.class);
            assertFalse(store.jedis().exists(keys.conversation(Address.of(chat.channel(), chat.chat()))),
                    where + ": expected no conversation state for the chat");
        }
        if (step.containsKey("missed")) {
            // "REASON: question" for each UnansweredQuestion the step published, in order; [] for none
            assertEquals(strings(step.get("missed")), driver.bean(HeardMisses.class).drain().stream()
                    .map(q -> q.reason() + ": " + q.question()).toList(), where + ": the questions told as missed");
        }
        if (step.containsKey("case")) {
            CaseRecord record = driver.work().get(newestCase(where)).orElseThrow();
            Map<String, Object> actual = ScriptRunner.YAML.convertValue(record, Map.class);
            ((Map<String, Object>) step.get("case")).forEach((k, v) -> assertEquals(String.valueOf(v),
                    String.valueOf(actual.get(k)), where + ": case field " + k));
        }
    }

    static List<String> labels(List<Outbound> replies) {
        return replies.stream().flatMap(o -> o.buttons().stream()).flatMap(List::stream).map(Button::label).toList();
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(v -> out.add(String.valueOf(v)));
            return out;
        }
        return List.of(String.valueOf(value));
    }
}
