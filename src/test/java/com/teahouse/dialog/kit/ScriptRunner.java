package com.teahouse.dialog.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a conversation script (YAML under src/test/resources/conversations) against any {@link Driver}: the
 * real message path here, the fake Telegram end to end elsewhere. One action per step (say, press, data,
 * contact, photo, document, sticker, voice, edit, wait, takeover, handback), then expectations on what that
 * step answered (expect, not, buttons, no-buttons, silent, case, staff).
 */
public final class ScriptRunner {

    /** Where a script's messages go and where the answers come from. */
    public interface Driver {
        List<Outbound> send(Inbound message);

        void advanceClock(Duration by);

        InMemoryCaseDesk cases();

        /** topic null: staff hand the chat back. */
        void takeOver(Address owner, Address topic);
    }

    public static final Address STAFF_TOPIC = new Address(KitOutlet.CHANNEL, "staff-group", "77");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Driver driver;

    public ScriptRunner(Driver driver) {
        this.driver = driver;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(Path file) throws IOException {
        return YAML.readValue(Files.readString(file), Map.class);
    }

    @SuppressWarnings("unchecked")
    public void run(Map<String, Object> script) {
        String name = String.valueOf(script.get("name"));
        Address chat = Address.of(KitOutlet.CHANNEL, script.containsKey("chat") ? String.valueOf(script.get("chat"))
                : "chat-" + UUID.randomUUID());
        Person person = new Person("u-" + chat.chat(), "Tester", (String) script.getOrDefault("language", "zh"));
        List<Outbound> last = List.of();
        int n = 0;
        for (Map<String, Object> step : (List<Map<String, Object>>) script.get("steps")) {
            n++;
            String where = name + ", step " + n + " " + step;
            Inbound message = message(step, chat, person, last, where);
            List<Outbound> replies = message == null ? List.of() : driver.send(message);
            List<Outbound> mine = replies.stream().filter(o -> o.to().chat().equals(chat.chat())).toList();
            if (!mine.isEmpty()) {
                last = mine;
            }
            check(step, mine, replies, where);
        }
    }

    private Inbound message(Map<String, Object> step, Address chat, Person person, List<Outbound> last,
            String where) {
        String id = "kit:" + UUID.randomUUID();
        Instant now = Instant.now();
        if (step.containsKey("say")) {
            return Inbound.text(id, chat, person, String.valueOf(step.get("say")));
        }
        if (step.containsKey("press")) {
            String label = String.valueOf(step.get("press"));
            Button button = last.stream().flatMap(o -> o.buttons().stream()).flatMap(List::stream)
                    .filter(b -> b.label().equals(label)).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no button '" + label + "' in " + labels(last)));
            return button.kind() == Button.Kind.SHARE_CONTACT
                    ? new Inbound(id, chat, person, Inbound.Kind.CONTACT, null, null, null, null,
                            new Contact("+86 138 0013 8000", "Tester", person.id()), List.of(), now)
                    : Inbound.button(id, chat, person, button.data(), "1", null);
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
        if (step.containsKey("wait")) {
            driver.advanceClock(Duration.parse("PT" + String.valueOf(step.get("wait")).toUpperCase()));
            return null;
        }
        if (step.containsKey("takeover")) {
            driver.takeOver(new Address(chat.channel(), chat.chat(), null), STAFF_TOPIC);
            return null;
        }
        if (step.containsKey("handback")) {
            driver.takeOver(new Address(chat.channel(), chat.chat(), null), null);
            return null;
        }
        throw new AssertionError(where + ": no action in step");
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> step, List<Outbound> mine, List<Outbound> all, String where) {
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
        for (String label : strings(step.get("no-buttons"))) {
            assertFalse(labels(mine).contains(label), where + ": unexpected button '" + label + "'");
        }
        if (Boolean.TRUE.equals(step.get("silent"))) {
            assertTrue(mine.isEmpty(), where + ": expected no reply to the chat, got:\n" + text);
        } else if (!step.containsKey("wait") && !step.containsKey("takeover") && !step.containsKey("handback")
                && !step.containsKey("staff")) {
            assertFalse(mine.isEmpty(), where + ": expected a reply");
        }
        if (step.containsKey("staff")) {
            String staff = String.join("\n", all.stream().filter(o -> o.to().equals(STAFF_TOPIC))
                    .map(o -> o.text() == null ? "" : o.text().plainText()).toList());
            for (String expected : strings(step.get("staff"))) {
                assertTrue(staff.contains(expected), where + ": expected '" + expected + "' relayed to staff:\n" + staff);
            }
        }
        if (step.containsKey("case")) {
            var opened = driver.cases().opened();
            if (opened.isEmpty()) {
                fail(where + ": no case opened");
            }
            var request = opened.get(opened.size() - 1).request();
            Map<String, Object> wanted = (Map<String, Object>) step.get("case");
            Map<String, Object> actual = YAML.convertValue(request, Map.class);
            wanted.forEach((k, v) -> assertEquals(String.valueOf(v), String.valueOf(actual.get(k)),
                    where + ": case field " + k));
        }
    }

    private static List<String> labels(List<Outbound> replies) {
        return replies.stream().flatMap(o -> o.buttons().stream()).flatMap(List::stream).map(Button::label).toList();
    }

    @SuppressWarnings("unchecked")
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
