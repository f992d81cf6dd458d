/**
 * Redis plumbing: the one place that knows how to reach Redis. Without {@code teahouse.redis.url} it starts a
 * real redis-server (the binary shipped in the embedded-redis jar) with append-only persistence under the data
 * directory; with the URL it connects there. Every key lives under one prefix ({@code teahouse:} by default).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Store")
package com.teahouse.store;
