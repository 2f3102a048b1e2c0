package dev.nlen.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many callers at once: every request gets exactly its own results, and every batch keeps the limits. */
final class ConcurrentSubmittersTest {

    private static final int THREADS = 8;
    private static final int SUBMITS_PER_THREAD = 50;
    private static final List<String> KEYS = List.of("beam1", "beam4", "greedy");
    private static final BatchPolicy POLICY =
            BatchPolicy.of(16, 64, Duration.ofMillis(1)).withWorkers(3).withCloseTimeout(Duration.ofSeconds(5));

    private record Seen(String key, int items, int cost) { }

    private final Queue<Seen> batches = new ConcurrentLinkedQueue<>();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger listenedItems = new AtomicInteger();

    /** Items look like "key/thread/submit/index"; a result names the key the batch ran under. */
    private List<String> translate(String key, List<String> items) {
        items.stream()
                .filter(item -> !item.startsWith(key + "/"))
                .forEach(item -> violations.add(key + " got " + item));
        return items.stream().map(item -> "done(" + key + "," + item + ")").toList();
    }

    @Test
    void everyCallerGetsExactlyItsOwnResults() throws Exception {
        var scheduler = BatchScheduler.builder(POLICY, this::translate)
                .cost(String::length)
                .listener((key, items, cost, nanos) -> {
                    listenedItems.addAndGet(items);
                    batches.add(new Seen(key, items, cost));
                })
                .start();
        int submitted;
        try (scheduler; ExecutorService callers = Executors.newFixedThreadPool(THREADS)) {
            CountDownLatch startTogether = new CountDownLatch(1);
            List<Future<Integer>> perThread = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                perThread.add(callers.submit(() -> submitAndCheck(scheduler, thread, startTogether)));
            }
            startTogether.countDown();
            submitted = 0;
            for (Future<Integer> done : perThread) {
                submitted += done.get(10, TimeUnit.SECONDS);
            }
        }
        assertEquals(List.of(), List.copyOf(violations));
        assertEquals(submitted, listenedItems.get());
        for (Seen batch : batches) {
            assertTrue(batch.items() <= POLICY.maxItems(), batch.toString());
            assertTrue(batch.cost() <= POLICY.maxCost() || batch.items() == 1, batch.toString());
        }
    }

    /** Submits from one thread and checks every answer; returns the number of items submitted. */
    private int submitAndCheck(BatchScheduler<String, String, String> scheduler, int thread, CountDownLatch start)
            throws Exception {
        start.await();
        var random = new SplittableRandom(thread);
        List<CompletableFuture<List<String>>> futures = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        int items = 0;
        for (int s = 0; s < SUBMITS_PER_THREAD; s++) {
            String key = KEYS.get(random.nextInt(KEYS.size()));
            List<String> request = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                request.add(key + "/" + thread + "/" + s + "/" + i + "x".repeat(random.nextInt(30)));
            }
            futures.add(scheduler.submit(key, request));
            expected.add(request.stream().map(item -> "done(" + key + "," + item + ")").toList());
            items += request.size();
        }
        for (int s = 0; s < futures.size(); s++) {
            assertEquals(expected.get(s), futures.get(s).get(10, TimeUnit.SECONDS));
        }
        return items;
    }
}
