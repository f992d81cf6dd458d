package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * knowledge/entities.yaml: the parties a question can name (a public body, a large company), the
 * words users name them with, and the entries that apply only to that party. Who owes the money
 * decides the answer, so when a question names exactly one party, that party's entry ranks above the
 * entries of the other parties (see {@link Reranker}).
 */
public final class EntityLexicon {

    public static final String FILE = "entities.yaml";

    /** One party: its name, its words (lower case), and the entries that apply to it alone. */
    record EntityClass(String name, List<String> words, Set<String> entries) {
    }

    private final List<EntityClass> classes;
    private final Map<String, String> classOfEntry;
    private final List<String> topicWords;
    private final double topicBoost;
    private final SubjectTopics subjects;

    EntityLexicon(List<EntityClass> classes) {
        this(classes, List.of(), 1, SubjectTopics.empty());
    }

    EntityLexicon(List<EntityClass> classes, List<String> topicWords, double topicBoost, SubjectTopics subjects) {
        this.subjects = subjects;
        this.classes = List.copyOf(classes);
        this.topicWords = List.copyOf(topicWords);
        this.topicBoost = topicBoost;
        Map<String, String> byEntry = new LinkedHashMap<>();
        classes.forEach(c -> c.entries().forEach(e -> byEntry.put(e, c.name())));
        this.classOfEntry = Map.copyOf(byEntry);
    }

    public static EntityLexicon empty() {
        return new EntityLexicon(List.of());
    }

    /** Reads the file; a missing file means no party rule, a malformed one is a warning with no rule. */
    static EntityLexicon load(Path file, LoadReport report) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode classes = root == null ? null : root.get("classes");
            if (classes == null || !classes.isObject()) {
                report.add(Problem.warning(file, 1, "entities.yaml needs a 'classes' map; the party rule is off"));
                return empty();
            }
            List<EntityClass> out = new ArrayList<>();
            classes.fields().forEachRemaining(f -> {
                List<String> words = new ArrayList<>();
                f.getValue().path("words").forEach(w -> words.add(w.asText().strip().toLowerCase(Locale.ROOT)));
                Set<String> entries = new LinkedHashSet<>();
                f.getValue().path("entries").forEach(e -> entries.add(e.asText().strip()));
                if (words.isEmpty() || entries.isEmpty()) {
                    report.add(Problem.warning(file, 1, "entity class '" + f.getKey() + "' needs words and entries"));
                } else {
                    out.add(new EntityClass(f.getKey(), List.copyOf(words), Set.copyOf(entries)));
                }
            });
            List<String> topic = new ArrayList<>();
            root.path("topic").path("words").forEach(w -> topic.add(w.asText().strip().toLowerCase(Locale.ROOT)));
            double boost = root.path("topic").path("boost").asDouble(1);
            if (boost < 1 || boost > 10) {
                report.add(Problem.warning(file, 1, "topic.boost must be between 1 and 10; using 1"));
                boost = 1;
            }
            Map<String, List<String>> partyWords = new LinkedHashMap<>();
            out.forEach(c -> partyWords.put(c.name(), c.words()));
            return new EntityLexicon(out, topic, boost, SubjectTopicsYaml.read(root, partyWords));
        } catch (IOException | RuntimeException e) {
            report.add(Problem.warning(file, 1, "cannot read entities: " + e.getMessage() + "; the party rule is off"));
            return empty();
        }
    }

    /** Entry ids named in the file that the digest does not have: a typo would silently disable the rule. */
    List<String> unknownEntries(Set<String> known) {
        return classOfEntry.keySet().stream().filter(id -> !known.contains(id)).sorted().toList();
    }

    /** The topics answered once per subject, for follow-ups that change the subject (see {@link SubjectTopics}). */
    SubjectTopics subjects() {
        return subjects;
    }

    /** The classes whose words occur in {@code text}, in file order. */
    public Set<String> named(String text) {
        String q = text == null ? "" : text.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (EntityClass c : classes) {
            for (String w : c.words()) {
                if (occurs(q, w)) {
                    out.add(c.name());
                    break;
                }
            }
        }
        return out;
    }

    /** Whether {@code text} is about money owed (a topic word occurs): then the named party's entry is boosted. */
    boolean aboutTopic(String text) {
        String q = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return topicWords.stream().anyMatch(w -> occurs(q, w));
    }

    double topicBoost() {
        return topicBoost;
    }

    /** The class an entry applies to alone, or null for entries about everyone. */
    public String classOf(String entryId) {
        return classOfEntry.get(entryId);
    }

    /**
     * Whether the question word {@code word} is part of a name of party {@code className} that occurs in
     * {@code question} (卫生院 in 乡镇卫生院, 公立 in 公立医院): an entry for that party speaks to it.
     */
    boolean namesParty(String className, String word, String question) {
        if (word.length() < 2) {
            return false;
        }
        String q = question == null ? "" : question.toLowerCase(Locale.ROOT);
        for (EntityClass c : classes) {
            if (c.name().equals(className)) {
                for (String w : c.words()) {
                    if ((w.contains(word) || word.contains(w)) && occurs(q, w)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The entries of a class. */
    Set<String> entriesOf(String className) {
        return classes.stream().filter(c -> c.name().equals(className)).findFirst()
                .map(EntityClass::entries).orElse(Set.of());
    }

    /** {@code text} with every party word removed: a follow-up's context keeps its topic, not its party. */
    String withoutPartyWords(String text) {
        String out = text.toLowerCase(Locale.ROOT);
        for (EntityClass c : classes) {
            for (String w : c.words()) {
                out = out.replace(w, " ");
            }
        }
        return out;
    }

    /** CJK words match as substrings; Latin ones at a word start (so "agency" does not match "pagency"). */
    private static boolean occurs(String text, String word) {
        int at = text.indexOf(word);
        boolean latin = word.charAt(0) < 0x2E80;
        while (at >= 0) {
            if (!latin || at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                return true;
            }
            at = text.indexOf(word, at + 1);
        }
        return false;
    }
}
