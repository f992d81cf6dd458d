package com.teahouse.limits;

import java.io.IOException;

/** A request body went past {@link LimitsProperties#maxBodyBytes()} while it was being read. */
public class BodyTooLarge extends IOException {

    private final int max;

    public BodyTooLarge(int max) {
        super("request body over " + max + " bytes");
        this.max = max;
    }

    public int max() {
        return max;
    }
}
