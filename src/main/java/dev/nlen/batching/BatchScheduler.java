package dev.nlen.batching;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * Combines the items of concurrent {@link #submit} calls into batches of one key and runs them on a fixed set of
 * worker threads. Batches are formed as {@link BatchQueue} describes: FIFO across callers, never mixing keys,
 * bounded by item count and cost, waiting at most {@code maxWait} for company.
 *
 * <p>Lanes: with a batch function that {@linkplain BatchFunction#interleaves() interleaves}, {@code workers + 1}
 * batches may be in flight, but only {@code workers} of them compute at once (turns). The function passes its turn
 * between steps (the {@code betweenSteps} hook of {@link BatchFunction}), so the batches in flight interleave step by
 * step; the last free lane only takes items of requests that have none decoding. So a one-sentence request that
 * arrives while an article decodes starts at the article's next step and then shares the steps with it, instead of
 * waiting for the article's batch to end. Memory: up to {@code (workers + 1) × maxCost} in flight.
 *
 * <pre>{@code
 * try (var scheduler = BatchScheduler.builder(BatchPolicy.of(32, 4096, Duration.ofMillis(5)),
 *                 (Options options, List<int[]> sentences) -> model.translate(options, sentences))
 *         .cost(sentence -> sentence.length).listener(metrics::recordBatch).start()) {
 *     List<String> lines = scheduler.submit(options, tokenizedSentences).join();
 * }
 * }</pre>
 *
 * <p>Cancelling the returned future (or letting it time out with {@code orTimeout}: the future returned is the
 * request's own) drops the request's items that have not started; items already running are reported to the batch
 * function as abandoned, which drops them at its next step. If the batch function throws for a batch of several
 * requests, each request is retried alone, so only the request whose items fail again fails (with that exception).
 *
 * <p>Admission: the cost of every request queued or running counts against {@link BatchPolicy#maxHeldCost} until
 * its future completes; a request that would go over it is refused with {@link QueueFullException}, and so is a
 * request whose client already holds {@link BatchPolicy#maxHeldCostPerClient} (scope {@code CLIENT}).
 *
 * <p>{@link #close()} refuses new work, lets the workers run everything already submitted (without waiting for
 * {@code maxWait}) and joins them for up to {@code closeTimeout}; requests still unfinished then fail with
 * {@link SchedulerClosedException} and the workers are interrupted. Every returned future is complete when
 * {@code close()} returns.
 *
 * <p>Futures are completed on a worker thread, so non-async dependent stages ({@code thenApply} …) run there and
 * hold up the next batch: keep them short, use the {@code *Async} variants, or simply {@code join()}.
 */
public final class BatchScheduler<K, T, R> implements AutoCloseable {

    private final BatchPolicy policy;
    private final ToIntFunction<? super T> cost;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final BatchQueue<K, T, R> queue; // guarded by lock
    private final Set<Batch<K, T, R>> running = Collections.newSetFromMap(new IdentityHashMap<>()); // guarded by lock
    private final List<Thread> workers;
    private final int lanes; // batches in flight: workers, plus one kept for newcomers when the function interleaves
    private boolean closed; // guarded by lock
    private long held; // guarded by lock: cost of the requests whose futures are not complete
    private final Map<Object, Long> heldByClient = new HashMap<>(); // guarded by lock: the same per client

    BatchScheduler(BatchSchedulerBuilder<K, T, R> builder) {
        this.policy = builder.policy;
        this.cost = builder.cost;
        this.queue = new BatchQueue<>(policy);
        var loop = new WorkerLoop<>(this::awaitBatch, builder.function, builder.listener, this::finished,
                new StepTurns(policy.workers()));
        this.lanes = policy.workers() + (builder.function.interleaves() ? 1 : 0);
        this.workers = IntStream.range(0, lanes)
                .mapToObj(i -> builder.threadFactory.newThread(loop))
                .toList();
        // started last: the threads see a fully built scheduler (Thread.start orders the writes above before them)
        workers.forEach(Thread::start);
    }

    public static <K, T, R> BatchSchedulerBuilder<K, T, R> builder(BatchPolicy policy,
            BatchFunction<K, T, R> function) {
        return new BatchSchedulerBuilder<>(policy, function);
    }

    /**
     * Queues the items under {@code key}; the future yields one result per item, in the order of {@code items}.
     * Costs are computed here, on the caller's thread.
     *
     * @throws SchedulerClosedException after {@link #close()}
     */
    public CompletableFuture<List<R>> submit(K key, List<? extends T> items) {
        return submit(key, items, null, null);
    }

    /**
     * As {@link #submit(Object, List)}, on behalf of {@code client} (null: nobody in particular, only the queue's
     * limit applies), the items queued in {@code runOrder} (null: as given; e.g. longest first, so the request's
     * batches pad little); results still come back in the order of {@code items}.
     *
     * @throws QueueFullException when the queue, or this client's share of it, holds as much work as it may
     * @throws SchedulerClosedException after {@link #close()}
     */
    public CompletableFuture<List<R>> submit(K key, List<? extends T> items, Object client,
                                             Comparator<? super T> runOrder) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(items, "items");
        Integer[] order = new Integer[items.size()];
        Arrays.setAll(order, i -> i);
        if (runOrder != null) {
            Arrays.sort(order, (a, b) -> runOrder.compare(items.get(a), items.get(b))); // stable
        }
        List<T> queued = Arrays.stream(order).<T>map(items::get).toList();
        int[] positions = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        int[] costs = costsOf(queued);
        long total = 0;
        for (int c : costs) {
            total += c;
        }
        Job<R> job = new Job<>(items.size());
        lock.lock();
        try {
            if (closed) {
                throw new SchedulerClosedException("batch scheduler is closed");
            }
            if (items.isEmpty()) {
                return CompletableFuture.completedFuture(List.of());
            }
            long own = client == null ? 0 : heldByClient.getOrDefault(client, 0L);
            if (own > 0 && total > policy.maxHeldCostPerClient() - own) {
                throw new QueueFullException(QueueFullException.Scope.CLIENT, own, total,
                        policy.maxHeldCostPerClient());
            }
            if (held > 0 && total > policy.maxHeldCost() - held) {
                throw new QueueFullException(QueueFullException.Scope.QUEUE, held, total, policy.maxHeldCost());
            }
            held += total;
            if (client != null) {
                heldByClient.merge(client, total, Long::sum);
            }
            queue.add(key, job, queued, costs, positions, System.nanoTime());
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
        long cost = total;
        // however it ends (done, failed, cancelled, timed out), its work no longer counts
        job.future().whenComplete((results, failure) -> release(client, cost));
        return job.future();
    }

    /** Cost of the requests queued or running now (what admission compares with {@code maxHeldCost}). */
    public long heldCost() {
        lock.lock();
        try {
            return held;
        } finally {
            lock.unlock();
        }
    }

    /** Cost held now by {@code client}'s requests. */
    public long heldCost(Object client) {
        lock.lock();
        try {
            return heldByClient.getOrDefault(client, 0L);
        } finally {
            lock.unlock();
        }
    }

    private void release(Object client, long cost) {
        lock.lock();
        try {
            held -= cost;
            if (client != null) {
                heldByClient.computeIfPresent(client, (c, own) -> own == cost ? null : own - cost);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
        if (!joinWorkers(BatchPolicy.saturatedNanos(policy.closeTimeout()))) {
            failUnfinished();
            // a stepping batch leaves at its next step now that nobody waits for it: let it, so that whoever closes
            // the model after this scheduler does not pull the sessions from under a running step
            joinWorkers(AFTER_FAILING_NANOS);
        }
    }

    /** How long close() waits for the workers once it failed what was unfinished (one decoding step, in practice). */
    private static final long AFTER_FAILING_NANOS = Duration.ofSeconds(10).toNanos();

    private int[] costsOf(List<? extends T> items) {
        int[] costs = new int[items.size()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = cost.applyAsInt(items.get(i));
            if (costs[i] < 0) {
                throw new IllegalArgumentException("negative cost " + costs[i] + " for item " + i);
            }
        }
        return costs;
    }

    /** Blocks until a batch may run; null once closed and drained, or when interrupted by a timed-out close. */
    private Batch<K, T, R> awaitBatch() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                // the last free lane is kept for requests not decoding yet: a long request never holds every lane
                Set<Job<R>> decoding = new java.util.HashSet<>();
                if (lanes > policy.workers() && running.size() >= lanes - 1) {
                    running.forEach(batch -> decoding.addAll(batch.jobs()));
                }
                switch (queue.next(System.nanoTime(), closed, job -> !decoding.contains(job))) {
                    case Next.Ready<K, T, R> ready -> {
                        running.add(ready.batch());
                        return ready.batch();
                    }
                    case Next.WaitFor<K, T, R> wait -> workArrived.awaitNanos(wait.nanos());
                    case Next.Idle<K, T, R> idle -> {
                        if (closed) {
                            return null;
                        }
                        workArrived.await();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void finished(Batch<K, T, R> batch) {
        lock.lock();
        try {
            running.remove(batch);
            workArrived.signalAll(); // a lane is free: items kept out of the last lane may run now
        } finally {
            lock.unlock();
        }
    }

    /** True if every worker ended within the timeout. */
    private boolean joinWorkers(long timeoutNanos) {
        long start = System.nanoTime();
        try {
            for (Thread worker : workers) {
                long left = Math.max(0, timeoutNanos - (System.nanoTime() - start));
                // a batch function that closes its own scheduler must not wait for itself
                if (worker != Thread.currentThread() && !worker.join(Duration.ofNanos(left))) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void failUnfinished() {
        Set<Job<R>> unfinished = new LinkedHashSet<>();
        lock.lock();
        try {
            unfinished.addAll(queue.removeAll());
            running.forEach(batch -> unfinished.addAll(batch.jobs()));
        } finally {
            lock.unlock();
        }
        var failure = new SchedulerClosedException("batch scheduler closed before the request finished");
        unfinished.forEach(job -> job.fail(failure));
        workers.stream().filter(worker -> worker != Thread.currentThread()).forEach(Thread::interrupt);
    }
}
