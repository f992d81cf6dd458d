/**
 * The policy office's workspace, inside: {@link com.teahouse.policy.internal.UnansweredRecorder} (events in, off the
 * conversation's thread) → {@link com.teahouse.policy.internal.QuestionScrubber} →
 * {@link com.teahouse.policy.internal.UnansweredClusters} (Redis, joined by
 * {@link com.teahouse.policy.internal.ClusterMatch}); the list and "handled" in
 * {@link com.teahouse.policy.internal.UnansweredList}; try and bulk check over
 * {@link com.teahouse.knowledge.DigestView}s; the pages and their static script under {@code /policy}.
 */
package com.teahouse.policy.internal;
