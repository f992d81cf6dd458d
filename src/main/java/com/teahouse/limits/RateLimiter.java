package com.teahouse.limits;

import java.time.Duration;

/**
 * Takes one token from a bucket shared by every instance. Callers refuse what is over the limit before it
 * reaches a lane, with "slow down" and the time after which trying again makes sense.
 */
public interface RateLimiter {

    /** Whose messages a bucket counts. */
    enum Scope { WEB_SESSION, CLIENT_ADDRESS, TELEGRAM_USER }

    /** @param retryAfter zero when allowed */
    record Verdict(boolean allowed, Duration retryAfter) {

        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** Never throws for a Redis failure: a limiter that cannot count lets the message through. */
    Verdict take(Scope scope, String who);
}
