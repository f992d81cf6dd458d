package com.teahouse.knowledge.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps an English sentence to a unit vector whose direction stands for what it means: two ways of asking the same
 * thing point the same way even when they share no word. The one implementation is all-MiniLM-L6-v2, quantized,
 * which ships inside its Maven artifact and runs in-process on ONNX Runtime: no network, no download, about 1 s to
 * load and 1–2 ms a sentence. The library stays behind this interface, as Spring Statemachine does behind the flow
 * engine.
 */
interface SentenceEncoder {

    /** The unit vector of {@code text}, or null when no encoder could be loaded. */
    float[] encode(String text);

    /** No encoder: the English answer model then never answers on its own evidence ({@link Meanings}). */
    SentenceEncoder NONE = text -> null;

    /** The bundled model, or {@link #NONE} (logged once) when its native runtime cannot load on this machine. */
    static SentenceEncoder load() {
        Logger log = LoggerFactory.getLogger(SentenceEncoder.class);
        // the model and tokenizer are read from the jar; this keeps the tokenizer library from ever reaching out
        System.setProperty("ai.djl.offline", "true");
        long start = System.nanoTime();
        try {
            var model = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
            log.info("Sentence encoder loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            return text -> unit(model.embed(text).content().vector());
        } catch (RuntimeException | LinkageError e) {
            log.warn("No sentence encoder on this machine ({}): English questions are offered, not answered", e.toString());
            return NONE;
        }
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}
