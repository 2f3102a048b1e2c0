package dev.nlen.api.compat;

import dev.nlen.api.security.ClientGate;

/** A refused compat request: the HTTP status and a message naming the field and, where one applies, the limit. */
public final class CompatException extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    public CompatException(int status, String message) {
        this(status, message, 0);
    }

    /** @param retryAfterSeconds the {@code Retry-After} to send, 0 for none */
    public CompatException(int status, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * A refusal of the {@link ClientGate} in a compat API: a missing or wrong key is {@code keyMessage} with 403 (as
     * DeepL and LibreTranslate answer both), a rate limit 429 with Retry-After.
     */
    public static CompatException refused(ClientGate.Refusal refusal, String keyMessage) {
        return refusal.reason() == ClientGate.Reason.RATE_LIMITED
                ? new CompatException(429, "Too many requests: " + refusal.message(), refusal.retryAfterSeconds())
                : new CompatException(403, keyMessage);
    }

    public static CompatException badRequest(String message) {
        return new CompatException(400, message);
    }

    public static CompatException tooLarge(String message) {
        return new CompatException(413, message);
    }
}
