/**
 * The policy digest: knowledge/ (Markdown entries with front matter, sources.yaml, synonyms.txt)
 * indexed with Lucene in memory, answered with citations or declined when not sure.
 * The answer decision is a logistic model shipped as data (knowledge/calibration.yaml, refit by
 * {@code kb check --calibrate}); knowledge/entities.yaml names the parties that decide payment answers.
 * Entry points: {@link com.teahouse.knowledge.PolicyDigest} (the bean the dialog calls),
 * {@link com.teahouse.knowledge.ChatAnswerFormatter}, {@link com.teahouse.knowledge.KbCheckCommand},
 * and the HTTP API {@code GET /api/knowledge/search}.
 * With Redis (the application), the published digest lives there as versioned knowledge/ files
 * ({@link com.teahouse.knowledge.DigestStore}: publish, withdraw, rollback, history, export); the repository's
 * knowledge/ only seeds an empty store, and every instance follows the published revision within seconds.
 */
package com.teahouse.knowledge;
