package dev.nlen.batching;

import java.time.Duration;
import java.util.Objects;

/**
 * How batches are formed and run.
 *
 * @param maxItems     most items in one batch (the batch size)
 * @param maxCost      budget for the sum of item costs in one batch (e.g. tokens, which bound the padded tensor);
 *                     a single item over the budget still runs, alone
 * @param maxWait      how long the oldest pending item may wait for company before its batch runs unfilled;
 *                     zero runs whatever is pending at once
 * @param workers      batches computing at the same time (turns at the decoder); with a batch function that
 *                     {@linkplain BatchFunction#interleaves() interleaves}, one batch more may be in flight
 * @param closeTimeout how long {@code close()} lets pending and running work finish
 * @param maxHeldCost  admission limit: the most cost queued and running at once; {@code submit} refuses a request
 *                     that would go over it (a request arriving while nothing is held is always taken, however big)
 * @param maxHeldCostPerClient admission limit per client: the most cost one client's requests may hold at once
 *                     (a client holding nothing is always taken, up to {@code maxHeldCost})
 */
public record BatchPolicy(int maxItems, int maxCost, Duration maxWait, int workers, Duration closeTimeout,
                          long maxHeldCost, long maxHeldCostPerClient) {

    public BatchPolicy {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (maxItems < 1) throw new IllegalArgumentException("maxItems must be ≥ 1, was " + maxItems);
        if (maxCost < 1) throw new IllegalArgumentException("maxCost must be ≥ 1, was " + maxCost);
        if (workers < 1) throw new IllegalArgumentException("workers must be ≥ 1, was " + workers);
        if (maxWait.isNegative()) throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        if (maxHeldCost < 1) throw new IllegalArgumentException("maxHeldCost must be ≥ 1, was " + maxHeldCost);
        if (maxHeldCostPerClient < 1) {
            throw new IllegalArgumentException("maxHeldCostPerClient must be ≥ 1, was " + maxHeldCostPerClient);
        }
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("closeTimeout must not be negative: " + closeTimeout);
        }
    }

    /** One worker, a 30 s close timeout and no admission limit: the common case for one CPU-bound model. */
    public static BatchPolicy of(int maxItems, int maxCost, Duration maxWait) {
        return new BatchPolicy(maxItems, maxCost, maxWait, 1, Duration.ofSeconds(30), Long.MAX_VALUE, Long.MAX_VALUE);
    }

    public BatchPolicy withWorkers(int count) {
        return new BatchPolicy(maxItems, maxCost, maxWait, count, closeTimeout, maxHeldCost, maxHeldCostPerClient);
    }

    public BatchPolicy withCloseTimeout(Duration timeout) {
        return new BatchPolicy(maxItems, maxCost, maxWait, workers, timeout, maxHeldCost, maxHeldCostPerClient);
    }

    public BatchPolicy withMaxHeldCost(long limit) {
        return new BatchPolicy(maxItems, maxCost, maxWait, workers, closeTimeout, limit, maxHeldCostPerClient);
    }

    public BatchPolicy withMaxHeldCostPerClient(long limit) {
        return new BatchPolicy(maxItems, maxCost, maxWait, workers, closeTimeout, maxHeldCost, limit);
    }

    /** maxWait in nanoseconds, saturated so that absurdly long waits ("never flush on time") do not overflow. */
    long maxWaitNanos() {
        return saturatedNanos(maxWait);
    }

    static long saturatedNanos(Duration duration) {
        return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }
}
