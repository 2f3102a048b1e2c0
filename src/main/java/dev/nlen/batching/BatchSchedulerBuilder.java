package dev.nlen.batching;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.ToIntFunction;

/** Collaborators of a {@link BatchScheduler}; {@link #start()} creates it and starts its workers. */
public final class BatchSchedulerBuilder<K, T, R> {

    final BatchPolicy policy;
    final BatchFunction<K, T, R> function;
    ToIntFunction<? super T> cost = item -> 1;
    BatchListener<? super K> listener = BatchListener.none();
    ThreadFactory threadFactory = new DaemonThreadFactory("batch-worker");

    BatchSchedulerBuilder(BatchPolicy policy, BatchFunction<K, T, R> function) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.function = Objects.requireNonNull(function, "function");
    }

    /** Cost of one item against {@code maxCost}, e.g. its token count; default 1 per item. */
    public BatchSchedulerBuilder<K, T, R> cost(ToIntFunction<? super T> itemCost) {
        this.cost = Objects.requireNonNull(itemCost, "itemCost");
        return this;
    }

    /** Told about every batch that ran (metrics); default none. */
    public BatchSchedulerBuilder<K, T, R> listener(BatchListener<? super K> batchListener) {
        this.listener = Objects.requireNonNull(batchListener, "batchListener");
        return this;
    }

    /** Default: daemon threads named {@code batch-worker-N}. */
    public BatchSchedulerBuilder<K, T, R> threadFactory(ThreadFactory factory) {
        this.threadFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    public BatchScheduler<K, T, R> start() {
        return new BatchScheduler<>(this);
    }
}
