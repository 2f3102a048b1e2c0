package dev.nlen.batching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** One {@code submit} call: gathers per-item results from whatever batches its items landed in. */
final class Job<R> {

    private final CompletableFuture<List<R>> future = new CompletableFuture<>();
    private final List<R> results;
    private final AtomicInteger missing;

    Job(int size) {
        this.results = new ArrayList<>(Collections.nCopies(size, null));
        this.missing = new AtomicInteger(size);
    }

    CompletableFuture<List<R>> future() {
        return future;
    }

    /** Cancelled by the caller, or failed by an earlier batch: its remaining items need not run. */
    boolean isAbandoned() {
        return future.isDone();
    }

    /**
     * Each index is written by exactly one worker before it decrements {@code missing}; the worker that takes it to
     * zero therefore sees every write (the atomic decrements order them), and completes the future.
     */
    void deliver(int index, R result) {
        results.set(index, result);
        if (missing.decrementAndGet() == 0) {
            future.complete(Collections.unmodifiableList(results));
        }
    }

    void fail(Throwable cause) {
        future.completeExceptionally(cause);
    }
}
