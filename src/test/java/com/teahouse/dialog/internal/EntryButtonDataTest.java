package com.teahouse.dialog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real entry of knowledge/ fits in a button's data, as an answer (kb:) and as its detail (kbd:). */
class EntryButtonDataTest {

    @Test
    void everyRealEntryIdFitsTelegramsSixtyFourBytes() throws IOException {
        List<String> ids;
        try (Stream<Path> files = Files.list(Path.of("knowledge/entries"))) {
            ids = files.filter(p -> p.toString().endsWith(".md")).map(EntryButtonDataTest::id).toList();
        }
        assertThat(ids).hasSizeGreaterThan(100).doesNotContainNull();
        assertThat(ids).allSatisfy(id -> {
            assertThat(PolicyAnswers.fits(PolicyAnswers.ENTRY + id)).as(id).isTrue();
            assertThat(PolicyAnswers.fits(PolicyAnswers.DETAIL + id)).as(id).isTrue();
        });
    }

    @Test
    void dataOverSixtyFourBytesDoesNotFit() {
        assertThat(PolicyAnswers.fits("kbd:" + "x".repeat(60))).isTrue();
        assertThat(PolicyAnswers.fits("kbd:" + "x".repeat(61))).isFalse();
        assertThat(PolicyAnswers.fits("kb:" + "条".repeat(21))).isFalse();
    }

    private static String id(Path entry) {
        try (Stream<String> lines = Files.lines(entry)) {
            return lines.limit(20).filter(l -> l.startsWith("id:")).map(l -> l.substring(3).strip()
                    .replaceAll("^\"|\"$", "")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
