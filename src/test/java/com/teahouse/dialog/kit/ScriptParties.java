package com.teahouse.dialog.kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The entrepreneurs of a script. The script's own chat is {@value #FIRST}; {@code chats: {B: en}} adds more, each
 * with its language, and a step with {@code as: B} is done by (and checked on the replies to) that chat.
 * "{case:B}" in any string is the newest case of chat B; a step's {@code heard: {B: [texts]}} checks what reached
 * another chat during the step (B's notices after a staff action on A's case).
 */
final class ScriptParties {

    static final String FIRST = "A";

    /** One entrepreneur: the chat, who writes in it, its checks, and the last replies it got (to press on). */
    static final class Party {
        final Address chat;
        final Person person;
        final ScriptChecks checks;
        List<Outbound> last = List.of();

        Party(ScriptRunner.Driver driver, String name, String language) {
            this.chat = driver.chat(name, language);
            this.person = new Person("u-" + chat.chat(), "Tester", language);
            this.checks = new ScriptChecks(driver, chat, language);
        }
    }

    private final Map<String, Party> parties = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    ScriptParties(ScriptRunner.Driver driver, Map<String, Object> script, String language) {
        String first = script.containsKey("chat") ? String.valueOf(script.get("chat")) : "chat-" + UUID.randomUUID();
        parties.put(FIRST, new Party(driver, first, language));
        if (script.get("chats") instanceof Map<?, ?> more) {
            ((Map<String, Object>) more).forEach((name, lang) -> parties.put(name, new Party(driver,
                    "chat-" + UUID.randomUUID(), lang == null ? language : String.valueOf(lang))));
        }
    }

    Party of(Object name) {
        Party p = parties.get(name == null ? FIRST : String.valueOf(name));
        if (p == null) {
            throw new AssertionError("no chat '" + name + "' in the script (declare it under chats:)");
        }
        return p;
    }

    String newestCase(Object name, String where) {
        return of(name).checks.newestCase(where);
    }

    /** The step with "{case:NAME}" replaced for every chat that has a case. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> step) {
        Object out = step;
        for (var e : parties.entrySet()) {
            String t = e.getValue().checks.newestCaseOrNull();
            if (t != null) {
                out = ScriptChecks.replace(out, "{case:" + e.getKey() + "}", t);
            }
        }
        return (Map<String, Object>) out;
    }

    /** Each chat's newest replies, to press on later. */
    void heard(List<Outbound> replies) {
        for (Party p : parties.values()) {
            List<Outbound> mine = replies.stream().filter(o -> o.to().chat().equals(p.chat.chat())).toList();
            if (!mine.isEmpty()) {
                p.last = mine;
            }
        }
    }

    /** {@code heard: {B: [texts]}}: each text reached chat B during the step. */
    @SuppressWarnings("unchecked")
    void checkHeard(Map<String, Object> step, List<Outbound> replies, String where) {
        if (!(step.get("heard") instanceof Map<?, ?> heard)) {
            return;
        }
        ((Map<String, Object>) heard).forEach((name, expected) -> {
            Address chat = of(name).chat;
            String text = String.join("\n---\n", replies.stream().filter(o -> o.to().chat().equals(chat.chat()))
                    .filter(o -> o.text() != null).map(o -> o.text().plainText()).toList());
            for (Object e : expected instanceof List<?> list ? list : List.of(expected)) {
                assertTrue(text.contains(String.valueOf(e)), where + ": expected '" + e + "' to reach chat " + name
                        + ":\n" + text);
            }
        });
    }
}
