package dev.nlen.batching;

import java.io.Serial;

/**
 * Admission control refused a request: it would take the work held (queued and running) over a limit, either the
 * whole queue's ({@link BatchPolicy#maxHeldCost}) or the share one client may hold
 * ({@link BatchPolicy#maxHeldCostPerClient}). Nothing of it was queued; the caller may try again later.
 */
public final class QueueFullException extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Which limit: the whole queue's (the service is busy) or the client's share (this client sent too much). */
    public enum Scope { QUEUE, CLIENT }

    private final Scope scope;
    private final long held;
    private final long requested;
    private final long limit;

    public QueueFullException(Scope scope, long held, long requested, long limit) {
        super((scope == Scope.CLIENT ? "this client's requests hold " : "the queue holds ") + held
                + " units of work; this request needs " + requested + " more and the limit is " + limit);
        this.scope = scope;
        this.held = held;
        this.requested = requested;
        this.limit = limit;
    }

    public Scope scope() {
        return scope;
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
