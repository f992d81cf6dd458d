package com.teahouse.cases.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.ConversationLine;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Attachment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A case record as the flat string hash {@code case:<tracking>} holds it. */
final class CaseCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());

    private CaseCodec() {
    }

    static Map<String, String> fields(String tracking, CaseRequest r, String category, String unit, Instant opened,
            Instant replyDue) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("tracking", tracking);
        f.put("state", CaseState.NEW.id());
        f.put("submissionId", r.submissionId());
        f.put("kind", r.kind() == null ? CaseRequest.Kind.HANDOFF.name() : r.kind().name());
        f.put("category", category);
        f.put("unit", unit);
        put(f, "description", r.description());
        f.put("attachments", json(r.attachments()));
        put(f, "location", r.location());
        put(f, "company", r.company());
        put(f, "creditCode", r.creditCode());
        put(f, "contactName", r.contactName());
        put(f, "phone", r.phone());
        f.put("confidential", r.confidential() ? "1" : "0");
        put(f, "language", r.language());
        f.put("ownerChannel", r.owner().channel());
        f.put("ownerChat", r.owner().chat());
        put(f, "ownerThread", r.owner().thread());
        f.put("transcript", json(r.transcript()));
        f.put("openedAt", Long.toString(opened.toEpochMilli()));
        f.put("replyDue", Long.toString(replyDue.toEpochMilli()));
        f.put("due", Long.toString(replyDue.toEpochMilli()));
        return f;
    }

    static CaseRecord record(Map<String, String> h) {
        Address topic = h.get("topicChat") == null ? null
                : new Address(h.getOrDefault("ownerChannel", "telegram"), h.get("topicChat"), h.get("topicThread"));
        if (topic != null && h.get("topicChannel") != null) {
            topic = new Address(h.get("topicChannel"), topic.chat(), topic.thread());
        }
        return new CaseRecord(h.get("tracking"), CaseState.of(h.get("state")),
                CaseRequest.Kind.valueOf(h.getOrDefault("kind", "HANDOFF")), h.get("category"), h.get("unit"),
                h.get("description"), list(h.get("attachments"), new TypeReference<List<Attachment>>() { }),
                h.get("location"), h.get("company"), h.get("creditCode"), h.get("contactName"), h.get("phone"),
                "1".equals(h.get("confidential")), h.get("language"),
                new Address(h.get("ownerChannel"), h.get("ownerChat"), h.get("ownerThread")),
                list(h.get("transcript"), new TypeReference<List<ConversationLine>>() { }), instant(h.get("openedAt")),
                instant(h.get("claimDue")), instant(h.get("replyDue")), instant(h.get("due")), topic,
                h.get("claimedBy"), h.get("claimedByName"), "1".equals(h.get("supervised")), h.get("resolution"),
                h.get("rating"), h.get("declineRoute"));
    }

    /** The fields {@link #row} reads, in its order (what a list row and the SEE decision need, nothing bulky). */
    static final String[] ROW_FIELDS = {"tracking", "state", "kind", "category", "unit", "confidential", "openedAt",
        "claimDue", "replyDue", "due", "claimedBy", "claimedByName", "supervised"};

    /** A case from the values of {@link #ROW_FIELDS}: the rest (text, attachments, contact, owner) left out. */
    static CaseRecord row(List<String> v) {
        return new CaseRecord(v.get(0), CaseState.of(v.get(1)),
                CaseRequest.Kind.valueOf(v.get(2) == null ? "HANDOFF" : v.get(2)), v.get(3), v.get(4), null,
                List.of(), null, null, null, null, null, "1".equals(v.get(5)), null, null, List.of(),
                instant(v.get(6)), instant(v.get(7)), instant(v.get(8)), instant(v.get(9)), null, v.get(10), v.get(11),
                "1".equals(v.get(12)), null, null, null);
    }

    static String ownerKey(Address owner) {
        return owner.channel() + ":" + owner.chat();
    }

    static Instant instant(String millis) {
        return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> List<T> list(String json, TypeReference<List<T>> type) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (value != null) {
            f.put(key, value);
        }
    }
}
