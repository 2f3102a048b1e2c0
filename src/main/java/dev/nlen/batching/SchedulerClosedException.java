package dev.nlen.batching;

import java.io.Serial;

/**
 * The scheduler is closed: thrown by {@code submit} after {@code close()}, and the failure of requests that
 * {@code close()} could not finish within its timeout. An {@link IllegalStateException}, so callers that only care
 * about "not now" need not know this type.
 */
public final class SchedulerClosedException extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    public SchedulerClosedException(String message) {
        super(message);
    }
}
