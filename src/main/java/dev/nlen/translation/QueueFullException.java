package dev.nlen.translation;

import java.io.Serial;

/**
 * The translator holds as much work as it may (beams × (source + generated tokens), queued and running); nothing of
 * this request was queued. Try again later.
 */
public final class QueueFullException extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long held;
    private final long requested;
    private final long limit;

    QueueFullException(long held, long requested, long limit, Throwable cause) {
        super("the queue holds " + held + " units of work; this request needs " + requested + " more and the limit is "
                + limit, cause);
        this.held = held;
        this.requested = requested;
        this.limit = limit;
    }

    public long held() {
        return held;
    }

    public long requested() {
        return requested;
    }

    public long limit() {
        return limit;
    }
}
