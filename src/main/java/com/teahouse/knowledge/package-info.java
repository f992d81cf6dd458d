/**
 * The policy digest: knowledge/ (Markdown entries with front matter, sources.yaml, synonyms.txt)
 * indexed with Lucene in memory, answered with citations or declined when not sure.
 * The answer decision is a logistic model shipped as data (knowledge/calibration.yaml, refit by
 * {@code kb check --calibrate}); for English questions it also reads how close the question's meaning comes to each
 * top entry's sample questions (a sentence encoder run in-process, shipped in its Maven artifact);
 * knowledge/entities.yaml names the parties that decide payment answers.
 * Entry points: {@link com.teahouse.knowledge.PolicyDigest} (the bean the dialog calls),
 * {@link com.teahouse.knowledge.ChatAnswerFormatter}, {@link com.teahouse.knowledge.KbCheckCommand},
 * and the HTTP API {@code GET /api/knowledge/search}. For the policy office: {@link com.teahouse.knowledge.DigestView}
 * (one fixed generation, or the published one with a draft entry laid over it in a temporary index:
 * {@link com.teahouse.knowledge.PolicyDigest#withDraft}), {@link com.teahouse.knowledge.PolicyDigest#terms} (a
 * question's analysed words) and {@link com.teahouse.knowledge.EvaluationSet} (knowledge/eval/ at run time).
 * With Redis (the application), the published digest lives there as versioned knowledge/ files
 * ({@link com.teahouse.knowledge.DigestStore}: publish, withdraw, rollback, history, export); the repository's
 * knowledge/ only seeds an empty store, and every instance follows the published revision within seconds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge",
        allowedDependencies = {"messaging", "store", "texts"})
package com.teahouse.knowledge;
