package dev.nlen.batching;

import java.io.Serial;

/**
 * Admission control: the request would take the work held (queued and running) over
 * {@link BatchPolicy#maxHeldCost}. Nothing of it was queued; the caller may try again later.
 */
public final class SchedulerFullException extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long held;
    private final long requested;
    private final long limit;

    public SchedulerFullException(long held, long requested, long limit) {
        super("the queue holds " + held + " units of work; this request needs " + requested + " more and the limit is "
                + limit);
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
