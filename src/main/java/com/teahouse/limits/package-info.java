/**
 * Limits on everything public: request body size, rate limits per web session, per client address and per
 * Telegram user (Bucket4j buckets kept in Redis, so every instance counts against the same bucket), and the
 * bounds of live streams. One {@link LimitsProperties} record holds every number. {@link SharedRates} offers the
 * same Redis buckets, named and sized by the caller, for limits others set on us (Telegram's send limits).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Limits",
        allowedDependencies = {"messaging", "store", "texts"})
package com.teahouse.limits;
