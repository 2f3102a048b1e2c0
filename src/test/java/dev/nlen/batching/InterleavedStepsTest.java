package dev.nlen.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Fairness measured in decoding steps, not wall time: a fake decoder whose items need a given number of steps and
 * that passes its turn before each step, as the engine does. Steps are counted across all batches.
 */
final class InterleavedStepsTest {

    /** Items are step counts; "0" never ends by itself (runs until the test says stop). */
    private static final class SteppingDecoder implements BatchFunction<String, Integer, Integer> {
        final AtomicInteger steps = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger mostConcurrent = new AtomicInteger();
        final ConcurrentLinkedQueue<List<Integer>> batches = new ConcurrentLinkedQueue<>();

        @Override
        public List<Integer> apply(String key, List<Integer> batch) {
            throw new AssertionError("the scheduler calls the stepping overload");
        }

        @Override
        public List<Integer> apply(String key, List<Integer> batch, IntPredicate abandoned, Runnable betweenSteps) {
            batches.add(List.copyOf(batch));
            int longest = batch.stream().mapToInt(n -> n == 0 ? Integer.MAX_VALUE : n).max().orElse(0);
            for (int step = 0; step < longest && !stop.get(); step++) {
                betweenSteps.run();
                int now = concurrent.incrementAndGet();
                mostConcurrent.accumulateAndGet(now, Math::max);
                steps.incrementAndGet();
                // a step takes time, as a decoder's does (milliseconds), so that waking a lane is not worth many steps
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                concurrent.decrementAndGet();
                if (step > 100_000) {
                    throw new AssertionError("runaway");
                }
            }
            return batch;
        }

        @Override
        public boolean interleaves() {
            return true;
        }
    }

    private static void awaitSteps(SteppingDecoder decoder, int steps) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (decoder.steps.get() < steps) {
            assertTrue(System.nanoTime() < until, "the decoder never took " + steps + " steps");
            Thread.onSpinWait();
        }
    }

    @Test
    void aOneItemRequestSentWhileALongBatchDecodesAnswersWithinAFewStepsNotAfterTheBatch() throws Exception {
        SteppingDecoder decoder = new SteppingDecoder();
        try (var scheduler = BatchScheduler.builder(BatchPolicy.of(4, 1_000, Duration.ZERO), decoder).start()) {
            // an "article": two full batches of never-ending items
            CompletableFuture<List<Integer>> article = scheduler.submit("beams16", List.of(0, 0, 0, 0, 0, 0, 0, 0));
            try {
                awaitSteps(decoder, 20);
                int before = decoder.steps.get();
                CompletableFuture<List<Integer>> small = scheduler.submit("beams16", List.of(10));
                assertEquals(List.of(10), small.get(10, TimeUnit.SECONDS));
                int after = decoder.steps.get();
                System.out.printf("one 10-step item sent after an endless batch: answered after %d decoding steps%n",
                        after - before);
                // its own 10 steps, each after one step of the article's batch, plus the hand-over (waking a lane
                // takes a few 5 ms steps on a busy 2-core machine); without interleaving: never
                assertTrue(after - before <= 3 * 10, "waited " + (after - before) + " steps");
                assertFalse(article.isDone());
                assertEquals(1, decoder.mostConcurrent.get(), "one worker: never two steps at once");
                // the article had one batch running; its second batch did not take the lane kept for newcomers
                List<List<Integer>> seen = new ArrayList<>(decoder.batches);
                assertEquals(List.of(List.of(0, 0, 0, 0), List.of(10)), seen);
            } finally {
                decoder.stop.set(true);
            }
            assertEquals(8, article.get(10, TimeUnit.SECONDS).size());
        }
    }

    @Test
    void withoutInterleavingAFunctionRunsItsBatchToTheEnd() throws Exception {
        List<String> order = new ArrayList<>();
        BatchFunction<String, String, String> plain = (key, batch) -> {
            synchronized (order) {
                order.add(String.join(",", batch));
            }
            return batch;
        };
        try (var scheduler = BatchScheduler.builder(BatchPolicy.of(4, 1_000, Duration.ZERO), plain).start()) {
            assertEquals(List.of("a"), scheduler.submit("k", List.of("a")).get(5, TimeUnit.SECONDS));
            assertEquals(List.of("a"), order);
        }
    }
}
