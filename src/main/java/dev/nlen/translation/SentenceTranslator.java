package dev.nlen.translation;

import dev.nlen.generation.GenerationOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Translates sentences in order: the engine itself, or a pool that batches sentences of concurrent requests. */
public interface SentenceTranslator {

    List<SentenceTranslation> translate(List<String> sentences, GenerationOptions options);

    /**
     * The same, without waiting: cancelling the future gives up the sentences not yet translated. This default
     * translates on the caller's thread before returning; a translator that queues work (or wraps one that does)
     * overrides it, so that the streamed paragraphs of one article still share batches.
     */
    default CompletableFuture<List<SentenceTranslation>> translateAsync(List<String> sentences,
                                                                        GenerationOptions options) {
        try {
            return CompletableFuture.completedFuture(translate(sentences, options));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    int countTokens(String sentence);

    int maxSourceTokens();

    AlignedDocument.ModelInfo info();
}
