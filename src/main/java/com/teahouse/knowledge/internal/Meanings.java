package com.teahouse.knowledge.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How close an English question's meaning is to each of its top entries', for the answer model: the word-level
 * figures rank the right English entry first for 85% of questions, but cannot tell those from the other 15% well
 * enough to answer more than 65% (session 13's finding: every lexical signal gives the same trade-off). Whether the
 * question means what the entry's sample questions mean is the evidence they lack.
 * <p>
 * An entry's meaning is the vectors ({@link SentenceEncoder}) of its English title and sample questions; its
 * closeness to a question is the best cosine among them. Only the first {@link #DEPTH} candidates are compared (the
 * entries the answer model and "did you mean" look at), so a question costs one encoding and a few dozen dot
 * products. Entry vectors are cached by text (an edited sample question is encoded again, an unchanged one is not),
 * as bytes (each component times 127: cosines move by under 0.01, and 10,000 entries fit in about 60 MB); questions
 * are never kept.
 */
final class Meanings {

    private static final Logger log = LoggerFactory.getLogger(Meanings.class);

    /** Candidates compared: the answer model's margin reads the best of the others among these. */
    static final int DEPTH = 5;
    /** The encoder reads about 256 word pieces; a paste is cut here before it is encoded. */
    static final int MAX_CHARS = 600;
    /** Entry texts kept (about 0.5 kB each); past this the cache starts over, so a huge digest cannot exhaust memory. */
    static final int MAX_CACHED = 200_000;

    private static final Meanings SHARED = new Meanings(SentenceEncoder::load);

    private final Supplier<SentenceEncoder> loader;
    private volatile SentenceEncoder encoder;
    private final Map<String, byte[]> texts = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final ExecutorService warmUps = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meanings-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY); // below request threads, as the index follower
        return t;
    });

    Meanings(Supplier<SentenceEncoder> loader) {
        this.loader = loader;
    }

    /** The process's one encoder and cache. */
    static Meanings shared() {
        return SHARED;
    }

    /**
     * Per candidate: {@code rows} holds its closeness to the question, how far that is above the best of the other
     * compared candidates (negative when below), and 1 for the closest one (all 0 past the first {@link #DEPTH});
     * {@code closest} the title or sample question that came closest (null past them), for "why this answer".
     */
    record Comparison(double[][] rows, String[] closest) {

        /** The explain API's note for candidate {@code i}: what it came closest to, and how close. */
        String note(int i) {
            return closest[i] == null ? "" : String.format(java.util.Locale.ROOT, "closest in meaning: \"%s\" (%.2f)",
                    closest[i], rows[i][0]);
        }
    }

    /** {@code question} against the first {@link #DEPTH} {@code candidates}; null when no encoder could be loaded. */
    Comparison compare(String question, List<Entry> candidates) {
        try {
            return closeness(question, candidates);
        } catch (RuntimeException e) {
            // the evidence must never cost an answer: without it the English question is decided as on a machine
            // without the encoder. The question is not logged (it may carry personal data), only what failed.
            if (failures.getAndIncrement() % 1000 == 0) {
                log.warn("Sentence encoder failed ({} so far), deciding without the meaning evidence: {}",
                        failures.get(), e.getClass().getName());
            }
            return null;
        }
    }

    private Comparison closeness(String question, List<Entry> candidates) {
        String text = question.length() > MAX_CHARS ? question.substring(0, MAX_CHARS) : question;
        float[] q = encoder().encode(text);
        if (q == null) {
            return null;
        }
        int n = Math.min(DEPTH, candidates.size());
        double[] sim = new double[n];
        String[] texts = new String[candidates.size()];
        int closest = 0;
        for (int i = 0; i < n; i++) {
            Entry e = candidates.get(i);
            texts[i] = e.titleEn();
            sim[i] = dot(q, vector(e.titleEn()));
            for (String s : e.questionsEn()) {
                double d = dot(q, vector(s));
                if (d > sim[i]) {
                    sim[i] = d;
                    texts[i] = s;
                }
            }
            closest = sim[i] > sim[closest] ? i : closest;
        }
        double[][] out = new double[candidates.size()][3];
        for (int i = 0; i < n; i++) {
            double other = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                other = j == i ? other : Math.max(other, sim[j]);
            }
            out[i] = new double[] {sim[i], n < 2 ? 0 : sim[i] - other, i == closest ? 1 : 0};
        }
        return new Comparison(out, texts);
    }

    private byte[] vector(String text) {
        byte[] v = texts.get(text);
        if (v == null) {
            float[] f = encoder().encode(text);
            if (f == null) {
                return null;
            }
            v = new byte[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = (byte) Math.round(Math.max(-1, Math.min(1, f[i])) * 127);
            }
            if (texts.size() >= MAX_CACHED) {
                texts.clear();
            }
            texts.put(text, v);
        }
        return v;
    }

    private static double dot(float[] q, byte[] b) {
        if (b == null) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < q.length; i++) {
            s += q[i] * b[i];
        }
        return s / 127;
    }

    private SentenceEncoder encoder() {
        SentenceEncoder e = encoder;
        if (e == null) {
            synchronized (this) {
                e = encoder;
                if (e == null) {
                    e = loader.get();
                    encoder = e;
                }
            }
        }
        return e;
    }

    /**
     * Loads the encoder and encodes a newly loaded digest's English texts on a low-priority thread, so that the first
     * questions neither wait for the model nor for their entries (the real digest: about 3 s of one core; 10,000
     * entries: a few minutes, during which a question encodes the entries it reaches itself).
     */
    void warmUp(List<Entry> entries) {
        List<String> all = entries.stream()
                .flatMap(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e.titleEn()), e.questionsEn().stream()))
                .filter(t -> !texts.containsKey(t)).toList();
        pending.addAndGet(all.size());
        warmUps.execute(() -> {
            long start = System.nanoTime();
            for (String t : all) {
                try {
                    vector(t);
                } catch (RuntimeException e) {
                    // left for the first question that reaches the entry; never fatal to the warm-up of the rest
                    failures.incrementAndGet();
                } finally {
                    pending.decrementAndGet();
                }
            }
            log.info("Encoded {} English entry texts in {} ms", all.size(), (System.nanoTime() - start) / 1_000_000);
        });
    }

    /** Entry texts loaded but not encoded yet (the teahouse.knowledge.meanings.pending gauge). */
    int pending() {
        return pending.get();
    }
}
