/**
 * Combines the work items of concurrent callers into batches for a batch function run by a small pool of worker
 * threads, in the manner of CTranslate2's translator pool. Plain {@code java.util.concurrent}: no container, no
 * other package of this project, so it can be tested on strings and lambdas.
 *
 * <p>Entry point: {@link dev.nlen.batching.BatchScheduler}; limits: {@link dev.nlen.batching.BatchPolicy}.
 */
package dev.nlen.batching;
