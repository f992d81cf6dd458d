package com.teahouse.policy.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.teahouse.knowledge.DigestView;
import com.teahouse.knowledge.EvaluationSet;

/**
 * Runs the evaluation set against the published digest and against a draft laid over it, and says what the draft
 * changes: questions now answered right, now wrong, no longer answered. One run at a time per instance, on its own
 * low-priority thread, so chat answers (on the message path's workers) never wait for it; a second request while
 * one runs is told to wait instead of queueing.
 */
final class BulkEvaluation implements AutoCloseable {

    /** A run is already going on this instance. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("an evaluation is already running");
        }
    }

    static final long TIMEOUT_MINUTES = 10;
    static final int MAX_LISTED = 200;

    private final Path dir;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "policy-evaluation");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    BulkEvaluation(Path dir) {
        this.dir = dir;
    }

    Map<String, Object> run(DigestView published, DigestView draft) throws InterruptedException, TimeoutException {
        if (!running.compareAndSet(false, true)) {
            throw new Busy();
        }
        try {
            Future<Map<String, Object>> result = worker.submit(() -> compare(published, draft));
            return result.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            running.set(false);
        }
    }

    private Map<String, Object> compare(DigestView published, DigestView draft) {
        List<EvaluationSet.Question> questions = EvaluationSet.questions(dir);
        Map<EvalOutcome.Kind, Integer> before = new EnumMap<>(EvalOutcome.Kind.class);
        Map<EvalOutcome.Kind, Integer> after = new EnumMap<>(EvalOutcome.Kind.class);
        int nowAnswered = 0;
        int nowWrong = 0;
        int noLongerAnswered = 0;
        List<Map<String, Object>> changed = new ArrayList<>();
        for (EvaluationSet.Question q : questions) {
            EvalOutcome b = EvalOutcome.of(published, q);
            EvalOutcome a = draft == published ? b : EvalOutcome.of(draft, q);
            before.merge(b.kind(), 1, Integer::sum);
            after.merge(a.kind(), 1, Integer::sum);
            if (b.equals(a)) {
                continue;
            }
            nowAnswered += a.kind() == EvalOutcome.Kind.RIGHT && b.kind() != EvalOutcome.Kind.RIGHT ? 1 : 0;
            nowWrong += a.kind() == EvalOutcome.Kind.WRONG && b.kind() != EvalOutcome.Kind.WRONG ? 1 : 0;
            noLongerAnswered += b.kind() == EvalOutcome.Kind.RIGHT && a.kind() != EvalOutcome.Kind.RIGHT ? 1 : 0;
            if (changed.size() < MAX_LISTED) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("question", q.q());
                c.put("lang", q.lang());
                c.put("expect", q.expect());
                c.put("before", outcome(b));
                c.put("after", outcome(a));
                changed.add(c);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("questions", questions.size());
        body.put("summary", nowAnswered + " questions now answered, " + nowWrong + " now wrong, " + noLongerAnswered
                + " no longer answered right");
        body.put("nowAnswered", nowAnswered);
        body.put("nowWrong", nowWrong);
        body.put("noLongerAnswered", noLongerAnswered);
        body.put("published", counts(before));
        body.put("draft", counts(after));
        body.put("changed", changed);
        return body;
    }

    private static Map<String, Object> outcome(EvalOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", o.kind().name().toLowerCase());
        m.put("entry", o.entry());
        return m;
    }

    private static Map<String, Integer> counts(Map<EvalOutcome.Kind, Integer> kinds) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (EvalOutcome.Kind k : EvalOutcome.Kind.values()) {
            m.put(k.name().toLowerCase(), kinds.getOrDefault(k, 0));
        }
        return m;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
