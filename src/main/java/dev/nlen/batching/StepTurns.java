package dev.nlen.batching;

import java.util.concurrent.Semaphore;

/**
 * Turns at the decoder for the batches in flight: at most {@code concurrent} of them compute at once, and a batch that
 * works in steps passes its turn between two steps to the batch that waited longest ({@link #pass}). So a small
 * request that arrives while a long batch decodes starts at the long batch's next step and then takes every other
 * step, instead of waiting for the long batch to end. A fair semaphore: FIFO hand-over, nothing to tune.
 */
final class StepTurns {

    private final Semaphore turns;

    StepTurns(int concurrent) {
        this.turns = new Semaphore(concurrent, true);
    }

    /** Before a batch's first step. */
    void take() throws InterruptedException {
        turns.acquire();
    }

    /** After a batch's last step. */
    void give() {
        turns.release();
    }

    /**
     * Between two steps of the batch holding a turn: if another batch waits, it goes first and this one queues behind
     * it; costs one volatile read when nobody waits. Uninterruptible: the turn must be held again when this returns
     * (a closing scheduler fails the batch's requests instead, and the batch leaves at its next step).
     */
    void pass() {
        if (turns.hasQueuedThreads()) {
            turns.release();
            turns.acquireUninterruptibly();
        }
    }
}
