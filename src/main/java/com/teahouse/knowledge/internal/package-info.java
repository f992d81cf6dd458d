/**
 * Implementation of the digest: loading with line-precise diagnostics, analysis chains, the
 * in-memory index, query building, the confidence decision and hot reload. Not for other modules.
 */
package com.teahouse.knowledge.internal;
