package dev.nlen.batching;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Consumer;

/** The body of every worker thread: take a batch, run it, deliver its results, until told to stop. */
final class WorkerLoop<K, T, R> implements Runnable {

    private static final System.Logger LOG = System.getLogger(WorkerLoop.class.getName());

    /** Blocks for the next batch; null means "stop". */
    @FunctionalInterface
    interface BatchSource<K, T, R> {
        Batch<K, T, R> await() throws InterruptedException;
    }

    private final BatchSource<K, T, R> source;
    private final BatchFunction<K, T, R> function;
    private final BatchListener<? super K> listener;
    private final Consumer<Batch<K, T, R>> finished;
    private final StepTurns turns;

    WorkerLoop(BatchSource<K, T, R> source, BatchFunction<K, T, R> function, BatchListener<? super K> listener,
            Consumer<Batch<K, T, R>> finished, StepTurns turns) {
        this.source = source;
        this.function = function;
        this.listener = listener;
        this.finished = finished;
        this.turns = turns;
    }

    @Override
    public void run() {
        try {
            for (Batch<K, T, R> batch = source.await(); batch != null; batch = source.await()) {
                try {
                    turns.take();
                    try {
                        execute(batch);
                    } finally {
                        turns.give();
                    }
                } finally {
                    finished.accept(batch);
                }
            }
        } catch (InterruptedException e) {
            // only a timed-out close() interrupts workers; it has already failed whatever was left
            Thread.currentThread().interrupt();
        }
    }

    private void execute(Batch<K, T, R> batch) {
        Throwable failure = run(batch);
        if (failure == null) {
            return;
        }
        List<Batch<K, T, R>> perJob = batch.splitByJob();
        if (perJob.size() == 1) {
            batch.fail(failure);
            return;
        }
        // one bad item must not fail its batch-mates: each request again on its own, the culprit fails alone
        LOG.log(Level.DEBUG, () -> "batch of " + perJob.size() + " requests failed; retrying them one by one", failure);
        for (Batch<K, T, R> alone : perJob) {
            Throwable again = alone.allAbandoned() ? null : run(alone);
            if (again != null) {
                alone.fail(again);
            }
        }
    }

    /** Runs one batch and delivers its results; returns the failure instead of delivering it. */
    private Throwable run(Batch<K, T, R> batch) {
        List<R> results = null;
        Throwable failure = null;
        long start = System.nanoTime();
        try {
            results = function.apply(batch.key(), batch.inputs(), batch::isAbandoned, turns::pass);
        } catch (Throwable thrown) { // Errors too: a dead worker would leave its callers waiting forever
            failure = thrown;
        }
        // tell the listener before the callers, so that a completed request implies its batch was recorded
        notifyListener(batch, System.nanoTime() - start);
        if (failure == null) {
            batch.complete(results);
        }
        return failure;
    }

    /** A broken metrics hook must not take a worker (and with it the callers' results) down. */
    private void notifyListener(Batch<K, T, R> batch, long nanos) {
        try {
            listener.onBatch(batch.key(), batch.size(), batch.cost(), nanos);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "batch listener failed", e);
        }
    }
}
