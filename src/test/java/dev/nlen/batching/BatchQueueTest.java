package dev.nlen.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch-forming rule on made-up times: no threads, no clock, fully deterministic. */
final class BatchQueueTest {

    private static final long MS = 1_000_000L;

    private final BatchQueue<String, String, String> queue =
            new BatchQueue<>(BatchPolicy.of(3, 10, Duration.ofMillis(5)));

    /** Queues items whose cost is their length, at the given time in milliseconds. */
    private Job<String> add(String key, long atMillis, String... items) {
        Job<String> job = new Job<>(items.length);
        int[] costs = List.of(items).stream().mapToInt(String::length).toArray();
        queue.add(key, job, List.of(items), costs, atMillis * MS);
        return job;
    }

    private Batch<String, String, String> ready(long atMillis) {
        return assertInstanceOf(Next.Ready.class, queue.next(atMillis * MS, false)).batch();
    }

    private long waitNanos(long atMillis) {
        return assertInstanceOf(Next.WaitFor.class, queue.next(atMillis * MS, false)).nanos();
    }

    @Test
    void emptyQueueIsIdle() {
        assertInstanceOf(Next.Idle.class, queue.next(0, false));
    }

    @Test
    void fullBatchRunsAtOnceWithoutWaiting() {
        add("k", 0, "a", "b");
        add("k", 0, "c", "d");
        Batch<String, String, String> batch = ready(0);
        assertEquals(List.of("a", "c", "b"), batch.inputs());
        assertEquals(3, batch.cost());
    }

    @Test
    void batchesTakeRequestsRoundRobinSoASmallRequestRidesInTheNextBatchNotAfterTheArticle() {
        add("k", 0, "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");
        Batch<String, String, String> first = ready(0);
        assertEquals(List.of("a1", "a2", "a3"), first.inputs());
        add("k", 1, "s");
        // FIFO over sentences would run a4..a8 first; round-robin gives the one-sentence request a seat at once
        assertEquals(List.of("a4", "s", "a5"), ready(1).inputs());
        assertEquals(List.of("a6", "a7", "a8"), ready(1).inputs());
    }

    @Test
    void servedRequestsRotateToTheBackSoEveryRequestGetsItsTurn() {
        var wide = new BatchQueue<String, String, String>(BatchPolicy.of(2, 100, Duration.ZERO));
        for (String name : List.of("a", "b", "c")) {
            wide.add("k", new Job<>(2), List.of(name + "1", name + "2"), new int[] {1, 1}, 0);
        }
        assertEquals(List.of("a1", "b1"), readyFrom(wide).inputs());
        assertEquals(List.of("c1", "a2"), readyFrom(wide).inputs());
        assertEquals(List.of("b2", "c2"), readyFrom(wide).inputs());
    }

    @Test
    void aRequestWhoseNextItemDoesNotFitSitsOutWhileOthersFillTheBatch() {
        add("k", 0, "aaaaaaaa", "bbbbbbbb");
        add("k", 0, "c", "d");
        // 8 + 1 = 9; "bbbbbbbb" would make 17, so the first request sits out and the second adds "d" (10)
        assertEquals(List.of("aaaaaaaa", "c", "d"), ready(0).inputs());
    }

    private static Batch<String, String, String> readyFrom(BatchQueue<String, String, String> q) {
        return assertInstanceOf(Next.Ready.class, q.next(0, false)).batch();
    }

    @Test
    void unfilledBatchWaitsForTheRestOfMaxWaitThenRuns() {
        add("k", 0, "a");
        assertEquals(5 * MS, waitNanos(0));
        add("k", 2, "b");
        // the wait is measured from the oldest item, not from the newest
        assertEquals(2 * MS, waitNanos(3));
        assertEquals(List.of("a", "b"), ready(5).inputs());
        assertInstanceOf(Next.Idle.class, queue.next(5 * MS, false));
    }

    @Test
    void keysAreNeverMixedAndTheOldestKeyGoesFirst() {
        add("x", 0, "x1");
        add("y", 1, "y1");
        add("x", 2, "x2");
        Batch<String, String, String> first = ready(6);
        assertEquals("x", first.key());
        assertEquals(List.of("x1", "x2"), first.inputs());
        Batch<String, String, String> second = ready(6);
        assertEquals("y", second.key());
        assertEquals(List.of("y1"), second.inputs());
    }

    @Test
    void aFullBatchOfAYoungerKeyRunsWhileTheOlderKeyIsStillWaiting() {
        add("slow", 0, "s");
        add("busy", 1, "b1", "b2", "b3", "b4");
        Batch<String, String, String> batch = ready(1);
        assertEquals("busy", batch.key());
        assertEquals(List.of("b1", "b2", "b3"), batch.inputs());
        // b4 alone is not full; "slow" still has 4 ms to wait, and it decides the wait
        assertEquals(4 * MS, waitNanos(1));
    }

    @Test
    void costBudgetEndsTheBatchAtTheFirstItemThatDoesNotFit() {
        add("k", 0, "aaaa", "bbbb", "cccc", "d");
        Batch<String, String, String> batch = ready(0);
        // 4 + 4 = 8; "cccc" would make 12 > 10, and the later, smaller "d" may not jump the queue
        assertEquals(List.of("aaaa", "bbbb"), batch.inputs());
        assertEquals(8, batch.cost());
        assertEquals(List.of("cccc", "d"), ready(5).inputs());
    }

    @Test
    void anItemOverTheBudgetRunsAloneAndAtOnce() {
        add("k", 0, "twelve-chars", "a");
        Batch<String, String, String> batch = ready(0);
        assertEquals(List.of("twelve-chars"), batch.inputs());
        assertEquals(12, batch.cost());
    }

    @Test
    void aBatchThatExactlyMeetsTheBudgetIsFull() {
        add("k", 0, "aaaaa", "bbbbb");
        assertEquals(List.of("aaaaa", "bbbbb"), ready(0).inputs());
    }

    @Test
    void itemsOfACancelledJobAreDroppedBeforeRunning() {
        Job<String> cancelled = add("k", 0, "a", "b");
        add("k", 1, "c");
        add("k", 2, "d");
        cancelled.future().cancel(true);
        Batch<String, String, String> batch = ready(6);
        assertEquals(List.of("c", "d"), batch.inputs());
        assertInstanceOf(Next.Idle.class, queue.next(6 * MS, false));
    }

    @Test
    void aCancelledHeadNoLongerDecidesTheWait() {
        Job<String> cancelled = add("k", 0, "a");
        add("k", 4, "b");
        cancelled.future().cancel(true);
        assertEquals(5 * MS, waitNanos(4));
    }

    @Test
    void itemsOfAFailedJobAreDroppedFromLaterBatches() {
        Job<String> job = add("k", 0, "a", "b", "c", "d");
        Batch<String, String, String> first = ready(0);
        add("k", 0, "e");
        first.fail(new IllegalStateException("boom"));
        assertTrue(job.future().isCompletedExceptionally());
        assertEquals(List.of("e"), ready(5).inputs());
    }

    @Test
    void flushAllRunsUnfilledBatchesWithoutWaiting() {
        add("k", 0, "a");
        Next<String, String, String> next = queue.next(0, true);
        assertEquals(List.of("a"), assertInstanceOf(Next.Ready.class, next).batch().inputs());
    }

    @Test
    void resultsReturnToTheirJobInItemOrderWhicheverBatchFinishesFirst() {
        Job<String> job = add("k", 0, "a", "b", "c", "d", "e");
        Batch<String, String, String> first = ready(0);
        Batch<String, String, String> second = ready(5);
        assertEquals(List.of("d", "e"), second.inputs());
        second.complete(List.of("D", "E"));
        assertFalse(job.future().isDone());
        first.complete(List.of("A", "B", "C"));
        assertEquals(List.of("A", "B", "C", "D", "E"), job.future().join());
    }

    @Test
    void aWrongNumberOfResultsFailsTheBatch() {
        Job<String> job = add("k", 0, "a", "b");
        ready(5).complete(List.of("only one"));
        assertTrue(job.future().isCompletedExceptionally());
    }

    @Test
    void removeAllReturnsTheLiveJobsAndEmptiesTheQueue() {
        Job<String> live = add("x", 0, "a");
        Job<String> cancelled = add("y", 0, "b");
        cancelled.future().cancel(true);
        assertEquals(List.of(live), queue.removeAll());
        assertTrue(queue.isEmpty());
    }

    @Test
    void aNeverEndingWaitDoesNotOverflow() {
        var patient = new BatchQueue<String, String, String>(BatchPolicy.of(3, 10, Duration.ofDays(365_000_000)));
        patient.add("k", new Job<>(1), List.of("a"), new int[] {1}, Long.MAX_VALUE - 10);
        long wait = assertInstanceOf(Next.WaitFor.class, patient.next(Long.MIN_VALUE + 10, false)).nanos();
        assertTrue(wait > 0, "wait " + wait);
    }
}
