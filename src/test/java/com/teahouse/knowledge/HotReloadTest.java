package com.teahouse.knowledge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Edits in the knowledge directory go live within 5 s; broken edits keep the old index. */
class HotReloadTest {

    private static final Duration LIVE_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PolicyDigest digest;

    @BeforeEach
    void setUp() {
        DigestFixture.write(dir);
        digest = new PolicyDigest(dir, registry, Duration.ofSeconds(1));
    }

    @AfterEach
    void tearDown() {
        digest.close();
    }

    private static void eventually(String what, BooleanSupplier condition) {
        await(what).atMost(LIVE_WITHIN).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    private String top(String q) {
        DigestAnswer a = digest.ask(q, "zh", 3);
        return a.results().isEmpty() ? "" : a.results().get(0).id();
    }

    private Path entry(String id) {
        return dir.resolve("entries/" + id + ".md");
    }

    @Test
    void addChangeDeleteAndSynonyms() throws Exception {
        assertEquals(3, digest.size());
        DigestFixture.write(entry("utility-connection"), DigestFixture.entry("utility-connection", "水电气报装时限",
                "Deadlines for connecting water and power", "接电要等多久", "how long to get electricity connected",
                "优化营商环境条例", "29", "供水供电供气企业应公开报装流程和时限。",
                "Utilities must publish connection procedures and deadlines.", "2020-01-01", null));
        eventually("added entry", () -> digest.size() == 4 && top("接电报装要多久").equals("utility-connection"));

        Files.writeString(entry("utility-connection"), Files.readString(entry("utility-connection"))
                .replace("供水供电供气企业应公开报装流程和时限。", "供暖企业应公开报装流程和时限。"));
        eventually("changed entry", () -> digest.ask("接电报装要多久", "zh", 1).results().get(0).answer()
                .startsWith("供暖企业"));

        Files.delete(entry("utility-connection"));
        eventually("deleted entry", () -> digest.size() == 3 && !top("接电报装要多久").equals("utility-connection"));

        assertTrue(digest.ask("arrears", "en", 3).results().isEmpty(), "arrears means nothing before the synonym");
        Files.writeString(dir.resolve("synonyms.txt"), DigestFixture.SYNONYMS + "arrears, pay\n");
        eventually("synonym edit", () -> {
            DigestAnswer a = digest.ask("arrears", "en", 3);
            return !a.results().isEmpty() && a.results().get(0).id().equals("payment-term-60-days");
        });
        double reloads = registry.get("teahouse.knowledge.reloads").counter().count();
        assertTrue(reloads >= 4, "reloads " + reloads);
        assertEquals(3.0, registry.get("teahouse.knowledge.entries").gauge().value());
    }

    @Test
    void brokenFileKeepsTheOldIndexAndIsCounted() throws Exception {
        Files.writeString(entry("deposit-refund"), "---\nid: deposit-refund\ntitle: [broken\n---\n");
        eventually("failure counted",
                () -> registry.get("teahouse.knowledge.reload.failures").counter().count() >= 1);
        assertEquals(3, digest.size());
        assertEquals("deposit-refund", top("质保期过了保证金还不退"));
        // a broken synonyms file is an error too
        Files.writeString(dir.resolve("synonyms.txt"), "a => \n=> b\n");
        eventually("second failure",
                () -> registry.get("teahouse.knowledge.reload.failures").counter().count() >= 2);
        assertEquals("deposit-refund", top("质保期过了保证金还不退"));
        // fixing the files brings reloads back
        DigestFixture.write(dir);
        eventually("recovered", () -> registry.get("teahouse.knowledge.reloads").counter().count() >= 2);
    }

    /**
     * Every query asked while the index is swapped gets the right entry, and queries are answered across every
     * reload (each reload waits for at least one more answer). How many a second is KnowledgeBench's business, not a
     * test's: a count threshold here only measured the machine.
     */
    @Test
    void queriesDuringReloadsKeepAnsweringCorrectly() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[2];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        DigestAnswer a = digest.ask("保证金还不退 deposit", "zh", 5);
                        if (a.results().isEmpty()) {
                            throw new AssertionError("no results during reload");
                        }
                        if (!"deposit-refund".equals(a.results().get(0).id())) {
                            throw new AssertionError("wrong entry during reload: " + a.results().get(0).id());
                        }
                        answered.incrementAndGet();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
            workers[t].start();
        }
        try {
            for (int i = 0; i < 8; i++) {
                int before = answered.get();
                assertTrue(digest.reloadNow());
                Files.writeString(dir.resolve("synonyms.txt"), DigestFixture.SYNONYMS + "# edit " + i + "\n");
                await("an answer after reload " + i).atMost(Duration.ofSeconds(30))
                        .until(() -> answered.get() > before || failure.get() != null);
            }
        } finally {
            stop.set(true);
            for (Thread w : workers) {
                w.join();
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("query failed during reload", failure.get());
        }
    }

    @Test
    void missingDirectoryServesEmptyAndPicksUpLater() throws Exception {
        Path later = dir.resolve("not-yet");
        try (PolicyDigest empty = new PolicyDigest(later, new SimpleMeterRegistry(), Duration.ofMillis(200))) {
            assertEquals(0, empty.size());
            assertTrue(empty.ask("保证金", "zh", 5).results().isEmpty());
            DigestFixture.write(later);
            eventually("directory created", () -> empty.size() == 3);
        }
    }

    static void touch(Path p) throws IOException {
        Files.writeString(p, Files.readString(p) + "\n");
    }
}
