package com.teahouse.store;

/** Redis could not be reached; callers turn this into a clear "try again" for the person waiting. */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
