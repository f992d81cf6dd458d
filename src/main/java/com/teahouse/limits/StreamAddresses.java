package com.teahouse.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many live streams each client address holds in this instance, across every {@link StreamGroup}: a stream
 * holds a connection (a file descriptor, a Tomcat slot) here, so the count is per instance, not shared in Redis.
 * An address with no stream leaves no entry behind.
 */
final class StreamAddresses {

    private final int limit;
    private final Map<String, Integer> held = new ConcurrentHashMap<>();

    StreamAddresses(int limit) {
        this.limit = limit;
    }

    /** Counts one more stream for the address; false (and nothing counted) when it already holds the limit. */
    boolean take(String address) {
        boolean[] taken = {false};
        held.compute(key(address), (a, n) -> {
            int now = n == null ? 0 : n;
            if (now >= limit) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    void give(String address) {
        held.computeIfPresent(key(address), (a, n) -> n <= 1 ? null : n - 1);
    }

    int count(String address) {
        return held.getOrDefault(key(address), 0);
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
