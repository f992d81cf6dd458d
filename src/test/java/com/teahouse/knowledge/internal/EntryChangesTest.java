package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * kb check of changed entry files against the published digest: which id a changed path held, whether the file
 * is named after its id or not, and the one rule that looks beyond the changed files (an id is used once).
 */
class EntryChangesTest {

    private static final Path DIR = Path.of("knowledge");
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 12, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    private static final String ID = "apportionment-refuse";
    private static final String PATH = "entries/" + ID + ".md";

    private static KnowledgeReloader reloader;
    private static Map<String, String> files;

    @BeforeAll
    static void open() {
        reloader = new KnowledgeReloader(DIR, new SimpleMeterRegistry(), CLOCK);
        files = DirectoryMirror.read(DIR);
    }

    @AfterAll
    static void close() throws Exception {
        reloader.close();
    }

    @Test
    void anEditedFileReplacesItsEntry() {
        EntryChanges.Checked c = check(Map.of(PATH, files.get(PATH).replace("## zh\n", "## zh\n（修订）")),
                published());

        assertFalse(c.report().hasErrors(), c.report().problems().toString());
        assertEquals(List.of(ID), c.upserts().stream().map(Entry::id).toList());
        assertEquals(Set.of(), c.removed());
    }

    @Test
    void aWithdrawnFileRemovesItsEntry() {
        Map<String, String> changed = new HashMap<>();
        changed.put(PATH, null);

        EntryChanges.Checked c = check(changed, published());

        assertEquals(Set.of(ID), c.removed());
        assertTrue(c.upserts().isEmpty());
    }

    @Test
    void aFileNamedOtherwiseIsFoundAmongAllEntries() {
        // the entry moved to a file not named after its id, then that file is given another id
        Map<String, Entry> published = new HashMap<>(published());
        Entry moved = published.get(ID);
        published.put(ID, withFile(moved, moved.file().resolveSibling("renamed.md")));

        assertEquals(Optional.of(ID), EntryChanges.heldBy(Path.of("entries/renamed.md"), published));
        assertEquals(Optional.empty(), EntryChanges.heldBy(Path.of(PATH), published), "nothing is at the old path");
        EntryChanges.Checked c = check(Map.of("entries/renamed.md", files.get(PATH).replace("id: " + ID,
                "id: " + ID + "-new")), published);
        assertFalse(c.report().hasErrors(), c.report().problems().toString());
        assertEquals(Set.of(ID), c.removed(), "the id the file held is withdrawn");
        assertEquals(List.of(ID + "-new"), c.upserts().stream().map(Entry::id).toList());
    }

    @Test
    void aNewFileWithAnIdAnotherFileHoldsIsAnError() {
        EntryChanges.Checked c = check(Map.of("entries/copy.md", files.get(PATH)), published());

        assertTrue(c.report().hasErrors());
        assertTrue(c.report().problems().stream().anyMatch(p -> p.message().contains("duplicate id '" + ID + "'")),
                c.report().problems().toString());
    }

    private static Map<String, Entry> published() {
        return reloader.current().byId();
    }

    private static EntryChanges.Checked check(Map<String, String> changed, Map<String, Entry> published) {
        return EntryChanges.check(DIR, changed, published, reloader.catalog(), LocalDate.now(CLOCK),
                new DigestLoader.ParseCache());
    }

    private static Entry withFile(Entry e, Path file) {
        return new Entry(e.id(), file, e.titleZh(), e.titleEn(), e.questionsZh(), e.questionsEn(), e.sources(),
                e.effective(), e.expires(), e.department(), e.tags(), e.answerZh(), e.detailZh(), e.answerEn(),
                e.detailEn());
    }
}
