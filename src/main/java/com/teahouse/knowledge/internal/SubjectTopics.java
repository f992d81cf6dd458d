package com.teahouse.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code subjects} and {@code topics} of knowledge/entities.yaml: topics the digest answers once per kind of
 * subject (the payment term of a public body, of a large company, of an individual business), so that a
 * follow-up naming another subject («那个体户呢？» after the public body's term, "and for a government buyer?"
 * after the large company's) is answered with the same topic's entry for that subject.
 * <p>
 * A subject is named by its words: the party classes' words, plus the {@code subjects} section's words for
 * subjects that are not parties (an individual business, the 12345 hotline) and for follow-ups only (a party
 * class named there gets those words added: "bureau" names a public body in «and if it were a city bureau?» but
 * would move single questions about any bureau). Where two subjects' words overlap in
 * a question («大企业» holds «企业»), the longer word wins. A topic's {@code for} maps a subject to its entry; the
 * entries of {@code also} are the topic's entries for anyone, read as the default subject's.
 */
final class SubjectTopics {

    /** The subject of a topic's entries for anyone: an ordinary enterprise. */
    static final String DEFAULT_SUBJECT = "enterprise";

    record Topic(String name, Map<String, String> bySubject, Set<String> also, List<String> next) {
        boolean has(String entryId) {
            return also.contains(entryId) || bySubject.containsValue(entryId) || next.contains(entryId);
        }

        /** The subject an entry of this topic is for. */
        String subjectOf(String entryId) {
            return bySubject.entrySet().stream().filter(e -> e.getValue().equals(entryId)).map(Map.Entry::getKey)
                    .findFirst().orElse(DEFAULT_SUBJECT);
        }

        Set<String> entries() {
            Set<String> out = new LinkedHashSet<>(bySubject.values());
            out.addAll(also);
            out.addAll(next);
            return out;
        }
    }

    /** A follow-up that switches subject: the topic, the new subject, and the topic's entry for it. */
    record Switch(Topic topic, String subject, String entryId) {
    }

    private final Map<String, List<String>> words;
    private final List<Topic> topics;
    private final FollowUpWords followUpWords;
    private final Map<String, Set<String>> documents;

    SubjectTopics(Map<String, List<String>> words, List<Topic> topics, FollowUpWords followUpWords) {
        this(words, topics, followUpWords, Map.of());
    }

    SubjectTopics(Map<String, List<String>> words, List<Topic> topics, FollowUpWords followUpWords,
                  Map<String, Set<String>> documents) {
        this.documents = Map.copyOf(documents);
        this.words = Map.copyOf(words);
        this.topics = List.copyOf(topics);
        this.followUpWords = followUpWords;
    }

    static SubjectTopics empty() {
        return new SubjectTopics(Map.of(), List.of(), FollowUpWords.of(Map.of()));
    }

    /** The words that ask what next, an aspect, lean on what was said, or open a new question. */
    FollowUpWords words() {
        return followUpWords;
    }

    /** Entry ids and subjects named by the topics that the digest or the subjects do not have. */
    List<String> problems(Set<String> knownEntries) {
        List<String> out = new ArrayList<>();
        for (Topic t : topics) {
            t.entries().stream().filter(id -> !knownEntries.contains(id))
                    .forEach(id -> out.add("topic '" + t.name() + "' names entry '" + id + "', which the digest does not have"));
            t.bySubject().keySet().stream().filter(s -> !words.containsKey(s))
                    .forEach(s -> out.add("topic '" + t.name() + "' names subject '" + s + "', which has no words"));
        }
        return out;
    }

    /**
     * The subject an entry is for: the subject a topic lists it for, else the subject whose documents it cites
     * (an individual business's regulation, the 12345 hotline's); null for entries about anyone.
     */
    String subjectOf(Entry entry) {
        for (Topic t : topics) {
            for (Map.Entry<String, String> e : t.bySubject().entrySet()) {
                if (e.getValue().equals(entry.id())) {
                    return e.getKey();
                }
            }
        }
        for (Map.Entry<String, Set<String>> d : documents.entrySet()) {
            if (entry.sources().stream().anyMatch(s -> d.getValue().contains(s.document()))) {
                return d.getKey();
            }
        }
        return null;
    }

    /** The topic an entry belongs to, if any. */
    Optional<Topic> topicOf(String entryId) {
        return topics.stream().filter(t -> t.has(entryId)).findFirst();
    }

    /**
     * The switch a follow-up asks for: it names exactly one subject other than its context's, and the context's
     * topic has an entry for that subject.
     */
    Optional<Switch> switchFor(String question, String contextId) {
        Optional<Topic> topic = topicOf(contextId);
        if (topic.isEmpty()) {
            return Optional.empty();
        }
        Set<String> named = new LinkedHashSet<>(named(question));
        if (named.size() > 1) {
            // «集团公司», "a big private company": the specific subject is meant, the plain company is its kind
            named.remove(DEFAULT_SUBJECT);
        }
        named.remove(topic.get().subjectOf(contextId));
        if (named.size() != 1) {
            return Optional.empty();
        }
        String subject = named.iterator().next();
        String entry = topic.get().bySubject().get(subject);
        return entry == null || entry.equals(contextId) ? Optional.empty()
                : Optional.of(new Switch(topic.get(), subject, entry));
    }

    /** The subjects a text names; a word inside a longer word of another subject does not count. */
    Set<String> named(String text) {
        String q = text == null ? "" : text.toLowerCase(Locale.ROOT);
        List<int[]> spans = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        words.forEach((subject, list) -> {
            for (String w : list) {
                for (int at = q.indexOf(w); at >= 0; at = q.indexOf(w, at + 1)) {
                    if (FollowUpWords.wordStart(q, at, w)) {
                        spans.add(new int[] {at, at + w.length()});
                        owners.add(subject);
                    }
                }
            }
        });
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < spans.size(); i++) {
            int[] s = spans.get(i);
            boolean inside = false;
            for (int j = 0; j < spans.size() && !inside; j++) {
                int[] o = spans.get(j);
                inside = !owners.get(j).equals(owners.get(i)) && o[0] <= s[0] && s[1] <= o[1] && o[1] - o[0] > s[1] - s[0];
            }
            if (!inside) {
                out.add(owners.get(i));
            }
        }
        return out;
    }

    /** {@code text} with every subject word removed: what a follow-up asks besides naming its subject. */
    String withoutSubjectWords(String text) {
        String out = text.toLowerCase(Locale.ROOT);
        List<String> all = new ArrayList<>();
        words.values().forEach(all::addAll);
        all.sort((a, b) -> b.length() - a.length());
        for (String w : all) {
            out = out.replace(w, " ");
        }
        return out;
    }
}
