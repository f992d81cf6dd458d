package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the {@code subjects}, {@code topics} and {@code follow-up} sections of knowledge/entities.yaml into
 * {@link SubjectTopics}: kept apart from what the sections mean, so the rules read without the file's layout.
 */
final class SubjectTopicsYaml {

    private SubjectTopicsYaml() {
    }

    /** Reads the two sections; {@code partyWords} are the party classes' words (each class is a subject too). */
    static SubjectTopics read(JsonNode root, Map<String, List<String>> partyWords) {
        Map<String, List<String>> words = new LinkedHashMap<>(partyWords);
        Map<String, Set<String>> documents = new LinkedHashMap<>();
        root.path("subjects").fields().forEachRemaining(f -> {
            Set<String> docs = new LinkedHashSet<>();
            f.getValue().path("documents").forEach(x -> docs.add(x.asText().strip()));
            documents.put(f.getKey(), Set.copyOf(docs));
            // a party class named here gets more words for follow-ups only (the party rule keeps its own)
            List<String> w = new ArrayList<>(words.getOrDefault(f.getKey(), List.of()));
            f.getValue().path("words").forEach(x -> w.add(x.asText().strip().toLowerCase(Locale.ROOT)));
            words.put(f.getKey(), List.copyOf(w));
        });
        List<SubjectTopics.Topic> topics = new ArrayList<>();
        root.path("topics").fields().forEachRemaining(f -> {
            Map<String, String> bySubject = new LinkedHashMap<>();
            f.getValue().path("for").fields().forEachRemaining(s -> bySubject.put(s.getKey(), s.getValue().asText().strip()));
            Set<String> also = new LinkedHashSet<>();
            f.getValue().path("also").forEach(x -> also.add(x.asText().strip()));
            topics.add(new SubjectTopics.Topic(f.getKey(), Map.copyOf(bySubject), Set.copyOf(also), list(f.getValue().path("next"))));
        });
        Map<String, List<String>> followUpWords = new LinkedHashMap<>();
        root.path("follow-up").fields().forEachRemaining(f -> followUpWords.put(f.getKey(), list(f.getValue())));
        return new SubjectTopics(words, topics, FollowUpWords.of(followUpWords), documents);
    }

    static List<String> list(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(x -> out.add(x.asText().strip().toLowerCase(Locale.ROOT)));
        return List.copyOf(out);
    }

}
