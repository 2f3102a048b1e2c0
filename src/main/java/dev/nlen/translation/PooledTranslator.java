package dev.nlen.translation;

import dev.nlen.batching.BatchFunction;
import dev.nlen.batching.BatchListener;
import dev.nlen.batching.BatchPolicy;
import dev.nlen.batching.BatchScheduler;
import dev.nlen.batching.QueueFullException;
import dev.nlen.generation.GenerationOptions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.IntPredicate;

/**
 * Sentences of concurrent requests decoded together: requests with the same decoding options share batches, formed
 * round-robin over the requests and bounded by sentence count and by <em>work</em>, on a fixed number of workers.
 * Work is what a sentence holds in the decoder at its worst: {@code beams × (source tokens + generated tokens)}, with
 * generated tokens taken at the request's limit ({@code max_new_tokens}), so beams and output length can no longer
 * multiply memory past the budget. Tokenizing happens on the caller's thread, decoding on the workers; a request
 * that is cancelled or times out leaves the queue, and its sentences leave a running batch at the next step.
 */
public final class PooledTranslator implements SentenceTranslator, AutoCloseable {

    /** One sentence waiting for a batch, with its work. */
    private record Pending(String text, long[] ids, int work) {}

    private static final Comparator<Pending> LONGEST_FIRST =
            Comparator.comparingInt((Pending p) -> p.ids().length).reversed();

    private final TranslationEngine engine;
    private final BatchScheduler<GenerationOptions, Pending, SentenceTranslation> scheduler;

    public PooledTranslator(TranslationEngine engine, BatchPolicy policy, BatchListener<GenerationOptions> listener) {
        this.engine = engine;
        this.scheduler = BatchScheduler.builder(policy, new Decode(engine))
                .cost(Pending::work)
                .listener(listener)
                .start();
    }

    /**
     * For one caller translating a list (the command line, the benchmark): batches of at most
     * {@code maxBatchSentences}, longest first, no waiting for company and no work budget.
     */
    public static PooledTranslator ofBatchSize(TranslationEngine engine, int maxBatchSentences) {
        return new PooledTranslator(engine, BatchPolicy.of(maxBatchSentences, Integer.MAX_VALUE, Duration.ZERO),
                BatchListener.none());
    }

    /** The batch function: one engine call, told which sentences nobody waits for any more. */
    private record Decode(TranslationEngine engine) implements BatchFunction<GenerationOptions, Pending,
            SentenceTranslation> {
        @Override
        public List<SentenceTranslation> apply(GenerationOptions options, List<Pending> batch) {
            return apply(options, batch, i -> false);
        }

        @Override
        public List<SentenceTranslation> apply(GenerationOptions options, List<Pending> batch, IntPredicate gone) {
            return apply(options, batch, gone, () -> { });
        }

        /** Passes the turn before every decoding step and the encoder pass: batches in flight interleave. */
        @Override
        public boolean interleaves() {
            return true;
        }

        /** The engine decodes exactly this batch, passing the turn between its steps. */
        @Override
        public List<SentenceTranslation> apply(GenerationOptions options, List<Pending> batch, IntPredicate gone,
                                               Runnable betweenSteps) {
            return engine.translate(batch.stream().map(Pending::text).toList(),
                    batch.stream().map(Pending::ids).toList(), options, gone, betweenSteps);
        }
    }

    /**
     * Worst-case decoder work of one sentence: every beam carries the source (cross-attention) and up to
     * {@code max_new_tokens} generated tokens (self-attention cache), capped by the model's positions.
     */
    static int work(int sourceTokens, GenerationOptions options, int maxPositions) {
        long generated = Math.min(options.effectiveMaxLength(), maxPositions);
        return (int) Math.min(Integer.MAX_VALUE, (long) options.numBeams() * (sourceTokens + generated));
    }

    /**
     * Queues the sentences; the future completes on a worker thread. Cancel it to give up: the sentences leave the
     * queue and the running batch.
     *
     * @throws QueueFullException when the work held, or the client's share of it, is at its limit (nothing was
     *                            queued)
     */
    @Override
    public CompletableFuture<List<SentenceTranslation>> translateAsync(List<String> sentences,
                                                                      GenerationOptions options) {
        return submit(sentences.stream().map(s -> new Pending(s, engine.encode(s), 0)).toList(), options);
    }

    /** Pre-tokenised sentences ({@code </s>} included by the caller); the source reported is their decoding. */
    public CompletableFuture<List<SentenceTranslation>> translateIdsAsync(List<long[]> sourceIds,
                                                                         GenerationOptions options) {
        return submit(sourceIds.stream().map(ids -> new Pending(engine.decodeSource(ids), ids, 0)).toList(), options);
    }

    /**
     * Longest first, so that a request's batches pad little (batched = one by one, so the order changes no
     * translation); results come back in the caller's order. On behalf of {@link RequestClient#claim()}.
     */
    private CompletableFuture<List<SentenceTranslation>> submit(List<Pending> sentences, GenerationOptions options) {
        int positions = engine.maxSourceTokens();
        List<Pending> costed = sentences.stream()
                .map(p -> new Pending(p.text(), p.ids(), work(p.ids().length, options, positions))).toList();
        return scheduler.submit(options, costed, RequestClient.claim().orElse(null), LONGEST_FIRST);
    }

    @Override
    public List<SentenceTranslation> translate(List<String> sentences, GenerationOptions options) {
        return await(translateAsync(sentences, options));
    }

    /** {@link #translateIdsAsync}, waiting for the result. */
    public List<SentenceTranslation> translateIds(List<long[]> sourceIds, GenerationOptions options) {
        return await(translateIdsAsync(sourceIds, options));
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true); // the caller gave up: its sentences leave the queue
            Thread.currentThread().interrupt();
            throw new CancellationException("translation interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(e.getCause());
        }
    }

    /** Work queued and running now, in the units of {@link #work}. */
    public long heldWork() {
        return scheduler.heldCost();
    }

    @Override
    public int countTokens(String sentence) {
        return engine.countTokens(sentence);
    }

    @Override
    public int maxSourceTokens() {
        return engine.maxSourceTokens();
    }

    @Override
    public AlignedDocument.ModelInfo info() {
        return engine.info();
    }

    /** Finishes queued work, then stops the workers; the engine stays open (its owner closes it). */
    @Override
    public void close() {
        scheduler.close();
    }
}
