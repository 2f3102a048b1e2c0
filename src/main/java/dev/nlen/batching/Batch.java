package dev.nlen.batching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Items of one key taken from the queue together; routes the batch function's results back to their jobs. */
record Batch<K, T, R>(K key, List<PendingItem<K, T, R>> items, int cost) {

    Batch {
        items = List.copyOf(items);
    }

    int size() {
        return items.size();
    }

    List<T> inputs() {
        return items.stream().map(PendingItem::item).toList();
    }

    /** Results must match the items one to one; anything else is a bug in the batch function, so the batch fails. */
    void complete(List<? extends R> results) {
        if (results == null || results.size() != items.size()) {
            fail(new IllegalStateException("batch function returned "
                    + (results == null ? "null" : results.size() + " results") + " for " + items.size() + " items"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            PendingItem<K, T, R> item = items.get(i);
            item.job().deliver(item.index(), results.get(i));
        }
    }

    void fail(Throwable cause) {
        jobs().forEach(job -> job.fail(cause));
    }

    /** Whether item {@code i}'s request no longer waits for it (cancelled, timed out or failed). */
    boolean isAbandoned(int i) {
        return items.get(i).job().isAbandoned();
    }

    boolean allAbandoned() {
        return items.stream().allMatch(item -> item.job().isAbandoned());
    }

    /** One batch per request, each with that request's items of this batch, in order. */
    List<Batch<K, T, R>> splitByJob() {
        Map<Job<R>, List<PendingItem<K, T, R>>> byJob = new LinkedHashMap<>();
        items.forEach(item -> byJob.computeIfAbsent(item.job(), job -> new ArrayList<>()).add(item));
        return byJob.values().stream()
                .map(own -> new Batch<>(key, own, (int) Math.min(Integer.MAX_VALUE,
                        own.stream().mapToLong(PendingItem::cost).sum())))
                .toList();
    }

    Set<Job<R>> jobs() {
        Set<Job<R>> jobs = new LinkedHashSet<>();
        items.forEach(item -> jobs.add(item.job()));
        return jobs;
    }
}
