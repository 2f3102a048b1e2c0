package dev.nlen.batching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pending items and the rule that forms batches from them. Plain data code: not thread-safe (the scheduler
 * guards it with its lock) and it never reads a clock itself, so tests drive it with made-up times.
 *
 * <p>Rule: among the keys with pending items, oldest head first (FIFO fairness), the first key whose batch is
 * <em>ready</em> runs. A batch takes that key's items in FIFO order while they fit under {@code maxItems} and
 * {@code maxCost}; it is ready when it is full (no further item would fit) or its oldest item has waited
 * {@code maxWait}. Otherwise the worker waits until the oldest head's wait runs out. Items of abandoned jobs
 * (cancelled or already failed) are dropped whenever they are met, so they never run.
 */
final class BatchQueue<K, T, R> {

    private final BatchPolicy policy;
    private final long maxWaitNanos;
    // a handful of keys (decoding options) in practice, so scanning them per decision is cheap
    private final Map<K, ArrayDeque<PendingItem<K, T, R>>> pendingByKey = new HashMap<>();
    private long nextSequence;

    BatchQueue(BatchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.maxWaitNanos = policy.maxWaitNanos();
    }

    /** Appends one job's items, all stamped with the same time. {@code costs[i]} is the cost of {@code items[i]}. */
    void add(K key, Job<R> job, List<? extends T> items, int[] costs, long nowNanos) {
        ArrayDeque<PendingItem<K, T, R>> pending = pendingByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        for (int i = 0; i < items.size(); i++) {
            pending.addLast(new PendingItem<>(nextSequence++, key, items.get(i), costs[i], nowNanos, job, i));
        }
    }

    /**
     * Takes the next batch if one may run at {@code nowNanos}; with {@code flushAll} (closing) every pending batch
     * is ready without waiting.
     */
    Next<K, T, R> next(long nowNanos, boolean flushAll) {
        dropAbandonedHeads();
        List<ArrayDeque<PendingItem<K, T, R>>> oldestFirst = new ArrayList<>(pendingByKey.values());
        if (oldestFirst.isEmpty()) {
            return new Next.Idle<>();
        }
        oldestFirst.sort(Comparator.comparingLong(pending -> pending.peekFirst().sequence()));
        for (ArrayDeque<PendingItem<K, T, R>> pending : oldestFirst) {
            PendingItem<K, T, R> head = pending.peekFirst();
            boolean waitedEnough = flushAll || nowNanos - head.enqueuedNanos() >= maxWaitNanos;
            if (waitedEnough || isFull(pending)) {
                Batch<K, T, R> batch = take(head.key(), pending);
                // empty only if a caller cancelled between the checks above (cancel does not take our lock)
                return batch.size() > 0 ? new Next.Ready<>(batch) : next(nowNanos, flushAll);
            }
        }
        // stamps grow with the sequence, so the oldest head is the first whose wait runs out
        PendingItem<K, T, R> oldest = oldestFirst.getFirst().peekFirst();
        return new Next.WaitFor<>(maxWaitNanos - (nowNanos - oldest.enqueuedNanos()));
    }

    /** Empties the queue, returning the jobs that still had live items (for close() to fail them). */
    List<Job<R>> removeAll() {
        List<Job<R>> jobs = pendingByKey.values().stream()
                .flatMap(ArrayDeque::stream)
                .map(PendingItem::job)
                .filter(job -> !job.isAbandoned())
                .distinct()
                .toList();
        pendingByKey.clear();
        return jobs;
    }

    boolean isEmpty() {
        dropAbandonedHeads();
        return pendingByKey.isEmpty();
    }

    /** Makes every head live, so the head's age and the fill test speak about items that will really run. */
    private void dropAbandonedHeads() {
        pendingByKey.values().removeIf(pending -> {
            while (!pending.isEmpty() && pending.peekFirst().job().isAbandoned()) {
                pending.pollFirst();
            }
            return pending.isEmpty();
        });
    }

    private boolean isFull(ArrayDeque<PendingItem<K, T, R>> pending) {
        int count = 0;
        long cost = 0;
        for (PendingItem<K, T, R> item : pending) {
            if (item.job().isAbandoned()) {
                continue;
            }
            if (count == policy.maxItems() || cost >= policy.maxCost() || !fits(count, cost, item)) {
                return true;
            }
            count++;
            cost += item.cost();
        }
        return count == policy.maxItems() || cost >= policy.maxCost();
    }

    private Batch<K, T, R> take(K key, ArrayDeque<PendingItem<K, T, R>> pending) {
        List<PendingItem<K, T, R>> items = new ArrayList<>();
        long cost = 0;
        while (!pending.isEmpty() && items.size() < policy.maxItems()) {
            PendingItem<K, T, R> item = pending.peekFirst();
            if (item.job().isAbandoned()) {
                pending.pollFirst();
            } else if (fits(items.size(), cost, item)) {
                items.add(pending.pollFirst());
                cost += item.cost();
            } else {
                break;
            }
        }
        if (pending.isEmpty()) {
            pendingByKey.remove(key);
        }
        // a lone item may exceed the budget, which int holds; several items sum to at most maxCost
        return new Batch<>(key, items, (int) cost);
    }

    /** The first item always fits, however costly, so that an oversized item still runs (alone). */
    private boolean fits(int count, long cost, PendingItem<K, T, R> item) {
        return count == 0 || cost + item.cost() <= policy.maxCost();
    }
}
