package dev.nlen.batching;

/**
 * Told about every batch that ran, so the caller can record batch-size and latency metrics without this package
 * depending on a metrics library. Called on the worker thread right after the batch function returned or threw;
 * it should be quick and must not block.
 */
@FunctionalInterface
public interface BatchListener<K> {

    /**
     * @param items number of items in the batch
     * @param cost  sum of the items' costs (e.g. tokens)
     * @param nanos time spent in the batch function, whether it succeeded or threw
     */
    void onBatch(K key, int items, int cost, long nanos);

    static <K> BatchListener<K> none() {
        return (key, items, cost, nanos) -> { };
    }
}
