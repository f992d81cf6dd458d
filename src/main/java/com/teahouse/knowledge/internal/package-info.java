/**
 * Implementation of the digest: loading with line-precise diagnostics, analysis chains, the
 * in-memory index, query building, the meaning evidence ({@code Meanings}, behind {@code SentenceEncoder}, the only
 * class that names the encoder library), the confidence decision and hot reload; the published digest's Redis keys
 * ({@code DigestRepository}), its local mirror and follower, and kb check of a would-be digest. Not for other
 * modules.
 */
package com.teahouse.knowledge.internal;
