package dev.nlen.batching;

/**
 * One work item waiting for, or running in, a batch.
 *
 * @param sequence      global submission order, for FIFO fairness across keys
 * @param enqueuedNanos clock reading at submission; the batch's wait is measured from its oldest item
 * @param index         position of the item in its job's list, where its result goes
 */
record PendingItem<K, T, R>(long sequence, K key, T item, int cost, long enqueuedNanos, Job<R> job, int index) {
}
