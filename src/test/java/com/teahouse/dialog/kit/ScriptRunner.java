package com.teahouse.dialog.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseWork;
import com.teahouse.dialog.internal.ScriptedKnowledge;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Attachment;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.Contact;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a conversation script (YAML under src/test/resources/conversations) against any {@link Driver}: the
 * real message path here, the fake Telegram end to end elsewhere. One action per step (say, press, data,
 * contact, photo, document, sticker, voice, edit, repeat, wait; "group: true" on the script says them in a
 * group chat; and for staff: takeover = a staff member
 * presses 接单 on the case card, staff-says = writes in the case's topic, handback = /resolve with that reply,
 * merge: {from: B, into: A} / unmerge: B = a supervisor merges (unmerges) a chat's newest case, see
 * {@link ScriptParties} for the chats and "as: B";
 * press-entry = presses the button of that policy entry, offered or related), then expectations on what that step
 * answered (see {@link ScriptChecks}). A script's {@code knowledge:} list sets what the knowledge module decides
 * for some questions ({@link ScriptedKnowledge}). "{case}" in any string is the
 * newest case of the script's chat, read from the real case desk.
 */
public final class ScriptRunner {

    /** Where a script's messages go and where the answers come from. */
    public interface Driver {
        /** The entrepreneur's chat for a script. */
        Address chat(String name, String language);

        /** Everything delivered (to any chat) while the message was handled. */
        List<Outbound> send(Inbound message);

        /** A staff member in the case's topic: a card button's data when pressed, else typed text. */
        List<Outbound> staff(String tracking, String text, boolean press);

        /** A staff action in the console (a merge): everything delivered to any chat because of it. */
        List<Outbound> staffAct(Runnable action);

        void advanceClock(Duration by);

        CaseWork work();

        <T> T bean(Class<T> type);
    }

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();

    private final Driver driver;

    public ScriptRunner(Driver driver) {
        this.driver = driver;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(Path file) throws IOException {
        return YAML.readValue(Files.readString(file), Map.class);
    }

    /** The staff topic of a case: opened asynchronously (after Telegram answered createForumTopic). */
    public static Address awaitTopic(CaseWork work, String tracking) {
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            var topic = work.get(tracking).map(c -> c.topic()).orElse(null);
            if (topic != null) {
                return topic;
            }
            KitApp.sleep(20);
        }
        throw new AssertionError("case " + tracking + " got no staff topic within 15 s");
    }

    @SuppressWarnings("unchecked")
    public void run(Map<String, Object> script) {
        String name = String.valueOf(script.get("name"));
        String language = (String) script.getOrDefault("language", "zh");
        ScriptParties parties = new ScriptParties(driver, script, language);
        if (script.get("knowledge") instanceof List<?> rows) {
            driver.bean(ScriptedKnowledge.Table.class).add(rows);
        }
        // "group: true": every message is said in a group chat rather than a private one
        boolean group = Boolean.TRUE.equals(script.get("group"));
        int n = 0;
        for (Map<String, Object> raw : (List<Map<String, Object>>) script.get("steps")) {
            n++;
            ScriptParties.Party who = parties.of(raw.get("as"));
            ScriptChecks checks = who.checks;
            Map<String, Object> step = checks.resolve(parties.resolve(raw));
            String where = name + ", step " + n + " " + step;
            checks.beforeStep(step);
            List<Outbound> replies = act(step, who, parties, where, group);
            List<Outbound> mine = replies.stream().filter(o -> o.to().chat().equals(who.chat.chat())).toList();
            parties.heard(replies);
            // again: the step may have opened the case its expectations name
            Map<String, Object> after = checks.resolve(parties.resolve(raw));
            checks.check(after, mine, replies, where);
            parties.checkHeard(after, replies, where);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Outbound> act(Map<String, Object> step, ScriptParties.Party who, ScriptParties parties,
            String where, boolean group) {
        ScriptChecks checks = who.checks;
        if (step.containsKey("takeover")) {
            String t = checks.newestCase(where);
            return driver.staff(t, "case:claim:" + t, true);
        }
        if (step.containsKey("staff-says")) {
            return driver.staff(checks.newestCase(where), String.valueOf(step.get("staff-says")), false);
        }
        if (step.containsKey("handback")) {
            return driver.staff(checks.newestCase(where), "/resolve " + step.get("handback"), false);
        }
        if (step.get("merge") instanceof Map<?, ?> merge) {
            // a supervisor merges chat <from>'s newest case into chat <into>'s (CasePolicy first, as the console)
            String b = parties.newestCase(merge.get("from"), where);
            String a = parties.newestCase(merge.get("into"), where);
            return driver.staffAct(() -> KitMerges.merge(driver, b, a, where));
        }
        if (step.containsKey("unmerge")) {
            String b = parties.newestCase(step.get("unmerge"), where);
            return driver.staffAct(() -> KitMerges.unmerge(driver, b, where));
        }
        if (step.containsKey("wait")) {
            driver.advanceClock(Duration.parse("PT" + String.valueOf(step.get("wait")).toUpperCase()));
            return List.of();
        }
        Inbound message = message(step, who.chat, who.person, who.last, where);
        return driver.send(group ? message.inGroup() : message);
    }

    private static Inbound message(Map<String, Object> step, Address chat, Person person, List<Outbound> last,
            String where) {
        String id = "kit:" + UUID.randomUUID();
        Instant now = Instant.now();
        if (step.containsKey("say")) {
            return Inbound.text(id, chat, person, String.valueOf(step.get("say")));
        }
        if (step.containsKey("press")) {
            String label = String.valueOf(step.get("press"));
            Button button = last.stream().flatMap(o -> o.buttons().stream()).flatMap(List::stream)
                    .filter(b -> b.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError(
                            where + ": no button '" + label + "' in " + ScriptChecks.labels(last)));
            return button.kind() == Button.Kind.SHARE_CONTACT
                    ? new Inbound(id, chat, person, Inbound.Kind.CONTACT, null, null, null, null,
                            new Contact("+86 138 0013 8000", "Tester", person.id()), List.of(), now)
                    : Inbound.button(id, chat, person, button.data(), "1", null);
        }
        if (step.containsKey("press-entry")) {
            String data = "kb:" + step.get("press-entry");
            Button button = last.stream().flatMap(o -> o.buttons().stream()).flatMap(List::stream)
                    .filter(b -> data.equals(b.data())).findFirst().orElseThrow(() -> new AssertionError(
                            where + ": no button for entry '" + step.get("press-entry") + "' in "
                                    + ScriptChecks.labels(last)));
            return Inbound.button(id, chat, person, button.data(), "1", null);
        }
        if (step.containsKey("data")) {
            return Inbound.button(id, chat, person, String.valueOf(step.get("data")), "1", null);
        }
        if (step.containsKey("contact")) {
            return new Inbound(id, chat, person, Inbound.Kind.CONTACT, null, null, null, null,
                    new Contact(String.valueOf(step.get("contact")), "Tester", person.id()), List.of(), now);
        }
        for (String kind : List.of("photo", "document")) {
            if (step.containsKey(kind)) {
                Object caption = step.get(kind);
                return new Inbound(id, chat, person, Inbound.Kind.ATTACHMENT, caption == null ? null
                        : String.valueOf(caption), null, null, null, null,
                        List.of(new Attachment(kind, "file-" + id, kind + ".bin", null, 1234L)), now);
            }
        }
        for (String kind : List.of("sticker", "voice")) {
            if (step.containsKey(kind)) {
                return new Inbound(id, chat, person, Inbound.Kind.UNSUPPORTED, kind, null, "1", null, null,
                        List.of(), now);
            }
        }
        if (step.containsKey("edit")) {
            return new Inbound(id, chat, person, Inbound.Kind.EDITED, String.valueOf(step.get("edit")), null, "1",
                    null, null, List.of(), now);
        }
        if (step.containsKey("repeat")) {
            int times = ((Number) step.get("repeat")).intValue();
            return Inbound.text(id, chat, person, String.valueOf(step.get("of")).repeat(times));
        }
        throw new AssertionError(where + ": no action in step");
    }

    static CaseDesk desk(Driver driver) {
        return driver.bean(CaseDesk.class);
    }
}
