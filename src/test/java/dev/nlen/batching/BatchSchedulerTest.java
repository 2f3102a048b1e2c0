package dev.nlen.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler on real worker threads. Ordering is forced with latches (a "gate" item holds the only worker while
 * the queue fills), never with sleeps; waits are bounded only so that a bug fails the test instead of hanging it.
 */
final class BatchSchedulerTest {

    private static final Duration FOREVER = Duration.ofHours(1);

    private record Seen(String key, List<String> items) { }

    private final Queue<Seen> batches = new ConcurrentLinkedQueue<>();
    private final CountDownLatch gateEntered = new CountDownLatch(1);
    private final CountDownLatch gateOpen = new CountDownLatch(1);

    @AfterEach
    void openGate() {
        gateOpen.countDown();
    }

    /** Upper-cases items as "key:ITEM", records each batch, holds the worker on an item named "gate". */
    private List<String> recordingFunction(String key, List<String> items) throws InterruptedException {
        batches.add(new Seen(key, List.copyOf(items)));
        if (items.contains("gate")) {
            gateEntered.countDown();
            gateOpen.await();
        }
        if (items.contains("boom")) {
            throw new IllegalArgumentException("boom");
        }
        return items.stream().map(item -> key + ":" + item.toUpperCase()).toList();
    }

    private BatchScheduler<String, String, String> start(BatchPolicy policy) {
        return BatchScheduler.builder(policy, this::recordingFunction).cost(String::length).start();
    }

    /** Submits the gate item and returns once the (single) worker is held by it. */
    private CompletableFuture<List<String>> holdWorker(BatchScheduler<String, String, String> scheduler)
            throws InterruptedException {
        CompletableFuture<List<String>> gate = scheduler.submit("g", List.of("gate"));
        assertTrue(gateEntered.await(5, TimeUnit.SECONDS), "worker never picked up the gate");
        return gate;
    }

    private static <V> V await(CompletableFuture<V> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    private List<Integer> batchSizes() {
        return batches.stream().map(batch -> batch.items().size()).toList();
    }

    @Test
    void aBatchRunsAsSoonAsItIsFullEvenIfMaxWaitIsLong() throws Exception {
        try (var scheduler = start(BatchPolicy.of(4, 100, FOREVER))) {
            var first = scheduler.submit("k", List.of("a", "b"));
            var second = scheduler.submit("k", List.of("c", "d"));
            assertEquals(List.of("k:A", "k:B"), await(first));
            assertEquals(List.of("k:C", "k:D"), await(second));
            assertEquals(List.of(4), batchSizes());
        }
    }

    @Test
    void anUnfilledBatchRunsOnceMaxWaitHasPassed() throws Exception {
        try (var scheduler = start(BatchPolicy.of(8, 100, Duration.ofMillis(10)))) {
            assertEquals(List.of("k:A"), await(scheduler.submit("k", List.of("a"))));
        }
    }

    @Test
    void resultsComeBackInItemOrderAcrossSeveralBatches() throws Exception {
        try (var scheduler = start(BatchPolicy.of(2, 100, Duration.ZERO))) {
            var items = List.of("a", "b", "c", "d", "e");
            assertEquals(List.of("k:A", "k:B", "k:C", "k:D", "k:E"), await(scheduler.submit("k", items)));
            assertTrue(batchSizes().stream().allMatch(size -> size <= 2), batchSizes().toString());
        }
    }

    @Test
    void callersOfOneKeyShareBatchesAndKeysAreNeverMixed() throws Exception {
        try (var scheduler = start(BatchPolicy.of(8, 100, Duration.ZERO))) {
            var gate = holdWorker(scheduler);
            var x1 = scheduler.submit("x", List.of("a", "b"));
            var y1 = scheduler.submit("y", List.of("c"));
            var x2 = scheduler.submit("x", List.of("d"));
            gateOpen.countDown();
            assertEquals(List.of("x:A", "x:B"), await(x1));
            assertEquals(List.of("y:C"), await(y1));
            assertEquals(List.of("x:D"), await(x2));
            await(gate);
            assertEquals(List.of("g", "x", "y"), batches.stream().map(Seen::key).toList());
            assertEquals(List.of(1, 3, 1), batchSizes());
        }
    }

    @Test
    void aCancelledRequestIsDroppedBeforeItRuns() throws Exception {
        try (var scheduler = start(BatchPolicy.of(8, 100, Duration.ZERO))) {
            holdWorker(scheduler);
            var cancelled = scheduler.submit("x", List.of("a", "b"));
            var kept = scheduler.submit("x", List.of("c"));
            assertTrue(cancelled.cancel(true));
            gateOpen.countDown();
            assertEquals(List.of("x:C"), await(kept));
            assertEquals(List.of(1, 1), batchSizes());
            assertThrows(CancellationException.class, cancelled::join);
        }
    }

    @Test
    void aRequestCancelledWhileRunningFinishesQuietlyAndOthersStillGetResults() throws Exception {
        try (var scheduler = start(BatchPolicy.of(8, 100, Duration.ZERO))) {
            var running = scheduler.submit("g", List.of("gate", "x"));
            assertTrue(gateEntered.await(5, TimeUnit.SECONDS));
            assertTrue(running.cancel(true));
            var next = scheduler.submit("k", List.of("y"));
            gateOpen.countDown();
            assertEquals(List.of("k:Y"), await(next));
            assertTrue(running.isCancelled());
            var expected = List.of(new Seen("g", List.of("gate", "x")), new Seen("k", List.of("y")));
            assertEquals(expected, List.copyOf(batches));
        }
    }

    @Test
    void aFailingItemFailsOnlyItsOwnRequestAndItsBatchMatesAreRetriedWithoutIt() throws Exception {
        try (var scheduler = start(BatchPolicy.of(4, 100, Duration.ZERO))) {
            holdWorker(scheduler);
            var innocent = scheduler.submit("k", List.of("a"));
            var culprit = scheduler.submit("k", List.of("boom", "b"));
            var later = scheduler.submit("k", List.of("c"));
            gateOpen.countDown();
            assertEquals(List.of("k:A"), await(innocent));
            assertEquals(List.of("k:C"), await(later));
            var failure = assertThrows(ExecutionException.class, () -> await(culprit));
            assertInstanceOf(IllegalArgumentException.class, failure.getCause());
            // the shared batch, then each request alone: the culprit's retry fails, the others' succeed
            assertEquals(List.of(new Seen("k", List.of("a", "boom", "c", "b")), new Seen("k", List.of("a")),
                    new Seen("k", List.of("boom", "b")), new Seen("k", List.of("c"))),
                    List.copyOf(batches).subList(1, batches.size()));
        }
    }

    @Test
    void aRequestAloneInAFailingBatchFailsWithoutARetry() throws Exception {
        try (var scheduler = start(BatchPolicy.of(4, 100, Duration.ZERO))) {
            var culprit = scheduler.submit("k", List.of("boom", "b"));
            assertThrows(ExecutionException.class, () -> await(culprit));
            assertEquals(1, batches.size());
        }
    }

    @Test
    void admissionRefusesWorkOverTheHeldLimitAndReleasesItWhenRequestsEnd() throws Exception {
        try (var scheduler = start(BatchPolicy.of(8, 100, Duration.ZERO).withMaxHeldCost(10))) {
            var gate = holdWorker(scheduler);                           // 4 held
            var queued = scheduler.submit("k", List.of("abc", "def")); // 10 held
            var full = assertThrows(QueueFullException.class, () -> scheduler.submit("k", List.of("x")));
            assertEquals(10, full.held());
            assertEquals(1, full.requested());
            queued.cancel(true);                                        // a cancelled request frees its share
            assertEquals(4, scheduler.heldCost());
            var fits = scheduler.submit("k", List.of("xyzuvw"));
            gateOpen.countDown();
            await(gate);
            assertEquals(List.of("k:XYZUVW"), await(fits));
            assertEquals(0, scheduler.heldCost());
        }
    }

    @Test
    void aRequestBiggerThanTheLimitRunsWhenNothingElseIsHeld() throws Exception {
        try (var scheduler = start(BatchPolicy.of(8, 100, Duration.ZERO).withMaxHeldCost(3))) {
            assertEquals(List.of("k:ABCDEF"), await(scheduler.submit("k", List.of("abcdef"))));
        }
    }

    @Test
    void theBatchFunctionIsToldWhichRunningItemsWereAbandoned() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        Queue<List<Boolean>> seen = new ConcurrentLinkedQueue<>();
        BatchFunction<String, String, String> stepwise = new BatchFunction<>() {
            @Override
            public List<String> apply(String key, List<String> items) {
                throw new AssertionError("the scheduler passes the abandoned test");
            }

            @Override
            public List<String> apply(String key, List<String> items, java.util.function.IntPredicate abandoned)
                    throws InterruptedException {
                started.countDown();
                assertTrue(cancelled.await(5, TimeUnit.SECONDS));
                seen.add(java.util.stream.IntStream.range(0, items.size()).mapToObj(abandoned::test).toList());
                return items;
            }
        };
        try (var scheduler = BatchScheduler.builder(BatchPolicy.of(8, 100, Duration.ofMillis(50)), stepwise)
                .start()) {
            var gone = scheduler.submit("k", List.of("a"));
            var kept = scheduler.submit("k", List.of("b"));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            gone.cancel(true);
            cancelled.countDown();
            assertEquals(List.of("b"), await(kept));
            assertEquals(List.of(List.of(true, false)), List.copyOf(seen));
        }
    }

    @Test
    void closeRunsPendingWorkWithoutWaitingAndThenRefusesNewWork() throws Exception {
        var scheduler = start(BatchPolicy.of(8, 100, FOREVER));
        var pending = scheduler.submit("k", List.of("a"));
        scheduler.close();
        assertTrue(pending.isDone(), "close() returns only when submitted work is done");
        assertEquals(List.of("k:A"), pending.join());
        var refused = assertThrows(SchedulerClosedException.class, () -> scheduler.submit("k", List.of("b")));
        assertInstanceOf(IllegalStateException.class, refused);
        scheduler.close(); // a second close is harmless
    }

    @Test
    void closeFailsWhatItCannotFinishWithinItsTimeout() throws Exception {
        var scheduler = start(BatchPolicy.of(8, 100, Duration.ZERO).withCloseTimeout(Duration.ofMillis(50)));
        var stuck = holdWorker(scheduler);
        var queued = scheduler.submit("k", List.of("a"));
        scheduler.close();
        for (var future : List.of(stuck, queued)) {
            var failure = assertThrows(ExecutionException.class, () -> await(future));
            assertInstanceOf(SchedulerClosedException.class, failure.getCause());
        }
    }

    @Test
    void anEmptyRequestCompletesAtOnce() throws Exception {
        try (var scheduler = start(BatchPolicy.of(8, 100, FOREVER))) {
            assertEquals(List.of(), scheduler.submit("k", List.of()).getNow(null));
        }
    }

    @Test
    void workersAreNamedDaemonThreadsAndABrokenListenerHarmsNothing() throws Exception {
        Queue<Thread> threads = new ConcurrentLinkedQueue<>();
        BatchFunction<String, String, String> function = (key, items) -> {
            threads.add(Thread.currentThread());
            return items;
        };
        try (var scheduler = BatchScheduler.builder(BatchPolicy.of(8, 100, Duration.ZERO), function)
                .listener((key, items, cost, nanos) -> { throw new IllegalStateException("metrics down"); })
                .start()) {
            assertEquals(List.of("a"), await(scheduler.submit("k", List.of("a"))));
            assertEquals(List.of("b"), await(scheduler.submit("k", List.of("b"))));
        }
        assertTrue(threads.stream().allMatch(Thread::isDaemon));
        assertTrue(threads.stream().allMatch(thread -> thread.getName().startsWith("batch-worker-")));
    }

    @Test
    void aClientOverItsShareIsRefusedWithScopeClientWhileOthersAreStillTaken() throws Exception {
        BatchPolicy policy = BatchPolicy.of(8, 100, Duration.ZERO).withMaxHeldCost(20).withMaxHeldCostPerClient(10);
        try (var scheduler = start(policy)) {
            var gate = holdWorker(scheduler);                                          // 4 held, nobody's
            var first = scheduler.submit("k", List.of("abcdef"), "alice", null);       // alice holds 6
            var over = assertThrows(QueueFullException.class,
                    () -> scheduler.submit("k", List.of("abcde"), "alice", null));     // 6 + 5 > 10
            assertEquals(QueueFullException.Scope.CLIENT, over.scope());
            assertEquals(6, over.held());
            assertEquals(10, over.limit());
            var bob = scheduler.submit("k", List.of("abcdefghi"), "bob", null);        // 19 held in all
            var full = assertThrows(QueueFullException.class,
                    () -> scheduler.submit("k", List.of("xy"), "carol", null));        // carol holds nothing
            assertEquals(QueueFullException.Scope.QUEUE, full.scope());
            assertEquals(6, scheduler.heldCost("alice"));
            gateOpen.countDown();
            await(gate);
            assertEquals(List.of("k:ABCDEF"), await(first));
            assertEquals(List.of("k:ABCDEFGHI"), await(bob));
            assertEquals(0, scheduler.heldCost("alice"));
            assertEquals(List.of("k:ABCDE"), await(scheduler.submit("k", List.of("abcde"), "alice", null)));
        }
    }

    @Test
    void itemsRunInTheGivenOrderAndResultsComeBackInTheCallersOrder() throws Exception {
        try (var scheduler = start(BatchPolicy.of(2, 100, Duration.ZERO))) {
            holdWorker(scheduler);
            var sorted = scheduler.submit("k", List.of("b", "ccc", "a", "dd"), null,
                    java.util.Comparator.comparingInt(String::length).reversed());
            gateOpen.countDown();
            assertEquals(List.of("k:B", "k:CCC", "k:A", "k:DD"), await(sorted));
            assertEquals(List.of(new Seen("k", List.of("ccc", "dd")), new Seen("k", List.of("b", "a"))),
                    List.copyOf(batches).subList(1, batches.size()));
        }
    }

    @Test
    void policyRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> BatchPolicy.of(0, 100, FOREVER));
        assertThrows(IllegalArgumentException.class, () -> BatchPolicy.of(8, 0, FOREVER));
        assertThrows(IllegalArgumentException.class, () -> BatchPolicy.of(8, 100, Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> BatchPolicy.of(8, 100, FOREVER).withWorkers(0));
        assertFalse(BatchPolicy.of(8, 100, FOREVER).maxWaitNanos() < 0);
    }
}
