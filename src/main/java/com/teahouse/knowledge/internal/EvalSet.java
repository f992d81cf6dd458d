package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The evaluation set: every *.yaml of a directory holds {@code questions: [{q, lang, expect, style?, person?}]}
 * ({@code expect: []} is out of scope; {@code person: true} must be handed to a person), and
 * followups*.yaml (followups.yaml, followups-fresh.yaml, ...) hold {@code followups: [{lang, first, first_expect, q,
 * expect}]}. Each question falls
 * in the calibration or the held-out split by a stable hash of its text, so adding questions never
 * moves the others, and thresholds fitted on one half are reported on the other.
 */
public final class EvalSet {

    public static final String FOLLOWUPS = "followups.yaml";
    /** Every file whose name starts with this holds two-turn cases, not questions. */
    static final String FOLLOWUPS_PREFIX = "followups";

    public record Question(String q, String lang, List<String> expect, String style, boolean person, String file) {
        public boolean outOfScope() {
            return expect.isEmpty() && !person;
        }

        public boolean calibration() {
            return inCalibrationSplit(q);
        }
    }

    /** A two-turn case; {@code file} is the stem of the file it came from (followups, followups-fresh). */
    public record FollowUpCase(String lang, String first, List<String> firstExpect, String q, List<String> expect,
                               String file) {
        public boolean calibration() {
            return inCalibrationSplit(q);
        }
    }

    private EvalSet() {
    }

    /** About half of all questions: those whose CRC-32 of the stripped UTF-8 text is even. */
    public static boolean inCalibrationSplit(String question) {
        CRC32 crc = new CRC32();
        crc.update(question.strip().getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 0;
    }

    public static List<Question> questions(Path dir) {
        List<Question> out = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            if (isFollowUps(file)) {
                continue;
            }
            String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            JsonNode root = read(file);
            JsonNode list = root.has("questions") ? root.get("questions") : root;
            for (JsonNode n : list) {
                if (!n.hasNonNull("q")) {
                    continue;
                }
                out.add(new Question(n.get("q").asText(), n.path("lang").asText("zh"), ids(n.path("expect")),
                        n.path("style").asText(stem), n.path("person").asBoolean(false), stem));
            }
        }
        return out;
    }

    /** The two-turn cases of every followups*.yaml of {@code dir}, file by file in name order. */
    public static List<FollowUpCase> followUps(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<FollowUpCase> out = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            if (!isFollowUps(file)) {
                continue;
            }
            String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            for (JsonNode n : read(file).path("followups")) {
                out.add(new FollowUpCase(n.path("lang").asText("zh"), n.path("first").asText(),
                        ids(n.path("first_expect")), n.path("q").asText(), ids(n.path("expect")), stem));
            }
        }
        return out;
    }

    private static boolean isFollowUps(Path file) {
        return file.getFileName().toString().startsWith(FOLLOWUPS_PREFIX);
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.asText()));
        return List.copyOf(out);
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
            return root == null ? new ObjectMapper().createObjectNode() : root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
