package dev.nlen.batching;

import java.util.List;

/**
 * The work a batch stands for, e.g. one padded encoder+decoder run for a list of sentences.
 *
 * @param <K> what every item of a batch has in common (e.g. the decoding options)
 * @param <T> one work item (e.g. a tokenized sentence)
 * @param <R> the result of one item
 */
@FunctionalInterface
public interface BatchFunction<K, T, R> {

    /**
     * Returns exactly one result per item, in the order of {@code batch}. May throw a checked exception (ONNX Runtime
     * does); it then fails every request that had an item in this batch.
     */
    List<R> apply(K key, List<T> batch) throws Exception;
}
