package dev.nlen.batching;

import java.util.List;
import java.util.function.IntPredicate;

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
     * does); the scheduler then retries the batch's requests one by one, so only the request whose item fails again
     * fails.
     */
    List<R> apply(K key, List<T> batch) throws Exception;

    /**
     * As {@link #apply(Object, List)}, told which items nobody waits for any more: {@code abandoned.test(i)} turns
     * true once item {@code i}'s request was cancelled, timed out or failed. A function that works in steps (a
     * decoder) checks it between steps and drops such items; their results are discarded, so any value (even null)
     * will do. The default ignores it.
     */
    default List<R> apply(K key, List<T> batch, IntPredicate abandoned) throws Exception {
        return apply(key, batch);
    }

    /**
     * As {@link #apply(Object, List, IntPredicate)}; a function that works in steps runs {@code betweenSteps} before
     * each step (its encoder pass too), on the calling thread: there the scheduler lets another batch in flight take
     * a step first, so batches interleave step by step. The default never passes its turn: it runs to the end.
     */
    default List<R> apply(K key, List<T> batch, IntPredicate abandoned, Runnable betweenSteps) throws Exception {
        return apply(key, batch, abandoned);
    }

    /**
     * Whether this function runs {@code betweenSteps} between its steps. If so the scheduler keeps one batch more in
     * flight than it has workers, and that lane only for requests with nothing decoding yet, so a small request does
     * not wait for a long one's batch to end. Default false: batches run one after another on each worker.
     */
    default boolean interleaves() {
        return false;
    }
}
