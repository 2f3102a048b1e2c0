package dev.nlen.batching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The pending items and the rule that forms batches from them. Plain data code: not thread-safe (the scheduler
 * guards it with its lock) and it never reads a clock itself, so tests drive it with made-up times.
 *
 * <p>Rule: among the keys with pending items, oldest head first, the first key whose batch is <em>ready</em> runs.
 * A batch takes that key's items <em>round-robin over its jobs</em> (one item of each job in arrival order, then the
 * next item of each, …), each job's items in their own order, while they fit under {@code maxItems} and
 * {@code maxCost}; so a one-sentence request queued behind a 1,000-sentence article rides in the very next batch
 * instead of after the article. A job whose next item does not fit sits out the rest of that batch. A batch is ready
 * when it is full (some item was left out) or its oldest item has waited {@code maxWait}. Otherwise the worker waits
 * until the oldest head's wait runs out. Jobs that were abandoned (cancelled, timed out or failed) are dropped
 * whenever they are met, so their items never run.
 */
final class BatchQueue<K, T, R> {

    /** One job's items still waiting, in the job's order. */
    private record JobItems<K, T, R>(Job<R> job, ArrayDeque<PendingItem<K, T, R>> items) {
        PendingItem<K, T, R> head() {
            return items.peekFirst();
        }
    }

    /** What {@link #plan} would take: the items, their cost, and whether the batch is full. */
    private record Plan<K, T, R>(List<PendingItem<K, T, R>> items, long cost, boolean full) { }

    private final BatchPolicy policy;
    private final long maxWaitNanos;
    // a handful of keys (decoding options) in practice, so scanning them per decision is cheap
    private final Map<K, ArrayDeque<JobItems<K, T, R>>> pendingByKey = new HashMap<>();
    private long nextSequence;

    BatchQueue(BatchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.maxWaitNanos = policy.maxWaitNanos();
    }

    /** Appends one job's items, all stamped with the same time. {@code costs[i]} is the cost of {@code items[i]}. */
    void add(K key, Job<R> job, List<? extends T> items, int[] costs, long nowNanos) {
        int[] positions = new int[items.size()];
        Arrays.setAll(positions, i -> i);
        add(key, job, items, costs, positions, nowNanos);
    }

    /** As above; item {@code i} runs in this order, and its result goes to {@code positions[i]} of the job's list. */
    void add(K key, Job<R> job, List<? extends T> items, int[] costs, int[] positions, long nowNanos) {
        ArrayDeque<PendingItem<K, T, R>> own = new ArrayDeque<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            own.addLast(new PendingItem<>(nextSequence++, key, items.get(i), costs[i], nowNanos, job, positions[i]));
        }
        if (!own.isEmpty()) {
            pendingByKey.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new JobItems<>(job, own));
        }
    }

    /**
     * Takes the next batch if one may run at {@code nowNanos}; with {@code flushAll} (closing) every pending batch
     * is ready without waiting.
     */
    Next<K, T, R> next(long nowNanos, boolean flushAll) {
        return next(nowNanos, flushAll, job -> true);
    }

    /**
     * As {@link #next(long, boolean)}, from the items of {@code eligible} jobs only (the scheduler keeps its last free
     * lane for requests not decoding yet); while only other jobs have items it answers "wait until told".
     */
    Next<K, T, R> next(long nowNanos, boolean flushAll, Predicate<? super Job<R>> eligible) {
        dropAbandoned();
        if (pendingByKey.isEmpty()) {
            return new Next.Idle<>();
        }
        List<K> oldestFirst = new ArrayList<>();
        pendingByKey.forEach((key, jobs) -> {
            if (jobs.stream().anyMatch(pending -> eligible.test(pending.job()))) {
                oldestFirst.add(key);
            }
        });
        if (oldestFirst.isEmpty()) {
            return new Next.WaitFor<>(Long.MAX_VALUE); // a lane frees up, or an eligible job arrives, and wakes us
        }
        oldestFirst.sort(Comparator.comparingLong(key -> oldestHead(key, eligible).sequence()));
        for (K key : oldestFirst) {
            boolean waitedEnough = flushAll || nowNanos - oldestHead(key, eligible).enqueuedNanos() >= maxWaitNanos;
            Plan<K, T, R> plan = plan(pendingByKey.get(key), eligible);
            if (waitedEnough || plan.full()) {
                return new Next.Ready<>(take(key, plan));
            }
        }
        // stamps grow with the sequence, so the oldest head is the first whose wait runs out
        PendingItem<K, T, R> oldest = oldestHead(oldestFirst.getFirst(), eligible);
        return new Next.WaitFor<>(maxWaitNanos - (nowNanos - oldest.enqueuedNanos()));
    }

    /** Empties the queue, returning the jobs that still had live items (for close() to fail them). */
    List<Job<R>> removeAll() {
        List<Job<R>> jobs = pendingByKey.values().stream()
                .flatMap(ArrayDeque::stream)
                .map(JobItems::job)
                .filter(job -> !job.isAbandoned())
                .distinct()
                .toList();
        pendingByKey.clear();
        return jobs;
    }

    boolean isEmpty() {
        dropAbandoned();
        return pendingByKey.isEmpty();
    }

    /** Served jobs rotate to the back, so the oldest head is searched for (a job's head is its oldest item). */
    private PendingItem<K, T, R> oldestHead(K key, Predicate<? super Job<R>> eligible) {
        return pendingByKey.get(key).stream().filter(pending -> eligible.test(pending.job())).map(JobItems::head)
                .min(Comparator.comparingLong(PendingItem::sequence)).orElseThrow();
    }

    /** Leaves only live jobs, so ages and the fill test speak about items that will really run. */
    private void dropAbandoned() {
        pendingByKey.values().removeIf(jobs -> {
            jobs.removeIf(pending -> pending.job().isAbandoned() || pending.items().isEmpty());
            return jobs.isEmpty();
        });
    }

    /** Round-robin over the key's jobs, each contributing its items in order, while they fit. */
    private Plan<K, T, R> plan(ArrayDeque<JobItems<K, T, R>> jobs, Predicate<? super Job<R>> eligible) {
        List<PendingItem<K, T, R>> chosen = new ArrayList<>();
        List<Iterator<PendingItem<K, T, R>>> cursors = new ArrayList<>();
        jobs.stream().filter(pending -> eligible.test(pending.job()))
                .forEach(pending -> cursors.add(pending.items().iterator()));
        List<PendingItem<K, T, R>> peeked = new ArrayList<>();
        cursors.forEach(cursor -> peeked.add(cursor.next())); // every live job has at least one item
        long cost = 0;
        boolean full = false;
        boolean progress = true;
        while (progress && chosen.size() < policy.maxItems()) {
            progress = false;
            for (int j = 0; j < peeked.size() && chosen.size() < policy.maxItems(); j++) {
                PendingItem<K, T, R> item = peeked.get(j);
                if (item == null) {
                    continue;
                }
                if (!fits(chosen.size(), cost, item)) {
                    full = true;
                    peeked.set(j, null); // this job sits out the rest of the batch
                    continue;
                }
                chosen.add(item);
                cost += item.cost();
                progress = true;
                peeked.set(j, cursors.get(j).hasNext() ? cursors.get(j).next() : null);
            }
        }
        full = full || chosen.size() == policy.maxItems() || cost >= policy.maxCost();
        return new Plan<>(chosen, cost, full);
    }

    private Batch<K, T, R> take(K key, Plan<K, T, R> plan) {
        ArrayDeque<JobItems<K, T, R>> jobs = pendingByKey.get(key);
        // the chosen items of each job are a prefix of its items, so removing heads removes exactly them
        List<JobItems<K, T, R>> served = new ArrayList<>();
        for (PendingItem<K, T, R> item : plan.items()) {
            for (JobItems<K, T, R> pending : jobs) {
                if (pending.head() == item) {
                    pending.items().pollFirst();
                    if (!served.contains(pending)) {
                        served.add(pending);
                    }
                    break;
                }
            }
        }
        // served jobs go to the back, so jobs this batch did not reach come first in the next one
        jobs.removeAll(served);
        served.stream().filter(pending -> !pending.items().isEmpty()).forEach(jobs::addLast);
        if (jobs.isEmpty()) {
            pendingByKey.remove(key);
        }
        // a lone item may exceed the budget, which int holds; several items sum to at most maxCost
        return new Batch<>(key, plan.items(), (int) Math.min(Integer.MAX_VALUE, plan.cost()));
    }

    /** The first item always fits, however costly, so that an oversized item still runs (alone). */
    private boolean fits(int count, long cost, PendingItem<K, T, R> item) {
        return count == 0 || cost + item.cost() <= policy.maxCost();
    }
}
