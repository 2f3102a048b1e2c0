package dev.nlen.translation;

import dev.nlen.batching.BatchListener;
import dev.nlen.batching.BatchPolicy;
import dev.nlen.batching.BatchScheduler;
import dev.nlen.generation.GenerationOptions;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sentences of concurrent requests decoded together: requests with the same decoding options share batches,
 * bounded by sentence count and source tokens, on a fixed number of workers. Tokenizing happens on the caller's
 * thread, decoding on the workers.
 */
public final class PooledTranslator implements SentenceTranslator, AutoCloseable {

    /** One sentence waiting for a batch. */
    private record Pending(String text, long[] ids) {}

    private final TranslationEngine engine;
    private final BatchScheduler<GenerationOptions, Pending, SentenceTranslation> scheduler;

    public PooledTranslator(TranslationEngine engine, BatchPolicy policy, BatchListener<GenerationOptions> listener) {
        this.engine = engine;
        this.scheduler = BatchScheduler.<GenerationOptions, Pending, SentenceTranslation>builder(policy,
                        (options, batch) -> engine.translate(batch.stream().map(Pending::text).toList(),
                                batch.stream().map(Pending::ids).toList(), options))
                .cost(pending -> pending.ids().length)
                .listener(listener)
                .start();
    }

    @Override
    public List<SentenceTranslation> translate(List<String> sentences, GenerationOptions options) {
        List<Pending> pending = sentences.stream().map(s -> new Pending(s, engine.encode(s))).toList();
        CompletableFuture<List<SentenceTranslation>> future = scheduler.submit(options, pending);
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

    /** Tokenizes here, decodes on the workers; cancelling the future drops the sentences still queued. */
    @Override
    public CompletableFuture<List<SentenceTranslation>> translateAsync(List<String> sentences,
                                                                       GenerationOptions options) {
        List<Pending> pending = sentences.stream().map(s -> new Pending(s, engine.encode(s))).toList();
        return scheduler.submit(options, pending);
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
