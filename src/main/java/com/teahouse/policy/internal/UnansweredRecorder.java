package com.teahouse.policy.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.teahouse.dialog.UnansweredQuestion;
import com.teahouse.knowledge.PolicyDigest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Keeps the questions the dialog missed: scrubbed of numbers that identify people, analysed into words, and
 * clustered into the unanswered list. Off the conversation's thread: one worker and a bounded queue, and what
 * does not fit is dropped (a lost line of statistics, never a slower answer).
 */
final class UnansweredRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnansweredRecorder.class);
    static final int QUEUE = 1_000;
    /** Longest question kept; the dialog accepts up to 1,000 characters. */
    static final int MAX_CHARS = 300;

    private final PolicyDigest digest;
    private final UnansweredClusters clusters;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "policy-unanswered");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    UnansweredRecorder(PolicyDigest digest, UnansweredClusters clusters) {
        this.digest = digest;
        this.clusters = clusters;
    }

    @EventListener
    void on(UnansweredQuestion missed) {
        worker.execute(() -> record(missed));
    }

    void record(UnansweredQuestion missed) {
        try {
            String text = QuestionScrubber.scrub(missed.question());
            if (text.length() > MAX_CHARS) {
                text = text.substring(0, MAX_CHARS);
            }
            if (text.isBlank() || text.equals(QuestionScrubber.MASK)) {
                return;
            }
            String lang = "en".equals(missed.lang()) ? "en" : "zh";
            clusters.record(text, lang, ClusterMatch.significant(digest.terms(text)), missed.candidates(), missed.at());
        } catch (RuntimeException e) {
            // never the text: it is what a user typed
            log.warn("An unanswered question was not kept: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
