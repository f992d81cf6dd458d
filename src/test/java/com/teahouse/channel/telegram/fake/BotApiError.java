package com.teahouse.channel.telegram.fake;

/** A Telegram-style failure: becomes {@code {"ok":false,"error_code":..,"description":..}}. */
public final class BotApiError extends RuntimeException {
    private final int code;
    private final Integer retryAfter;

    public BotApiError(int code, String description, Integer retryAfter) {
        super(description, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static BotApiError badRequest(String detail) {
        return new BotApiError(400, "Bad Request: " + detail, null);
    }

    public static BotApiError tooManyRequests(int retryAfterSeconds) {
        return new BotApiError(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    public int code() {
        return code;
    }

    public String description() {
        return getMessage();
    }

    public Integer retryAfter() {
        return retryAfter;
    }
}
