package com.teahouse.limits;

import com.teahouse.limits.LimitsProperties.Rate;
import java.time.Duration;
import java.util.List;

/**
 * Token buckets named by the caller and shared by every instance through Redis, for limits someone else sets on
 * us (Telegram's 30 messages a second for the whole bot, 20 a minute per group): three instances together stay
 * within them, as one would.
 */
public interface SharedRates {

    /** One bucket: its name (unique per deployment, e.g. {@code telegram:all}) and its rate. */
    record Limit(String name, Rate rate) {
    }

    /**
     * Takes one token from every bucket, or from none. Returns zero when taken, else how long to wait before
     * asking again. Never throws: when Redis cannot count, it says go (the far side's own limit answers then).
     */
    Duration tryTake(List<Limit> limits);
}
