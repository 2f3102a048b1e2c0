package dev.nlen.translation;

import dev.nlen.generation.GenerationOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Translates sentences in order: the engine itself, or a pool that batches sentences of concurrent requests. */
public interface SentenceTranslator {

    List<SentenceTranslation> translate(List<String> sentences, GenerationOptions options);

    /**
     * The same without blocking the caller where the implementation can; cancelling the future (or its timing out)
     * stops the work that is left. The default translates at once, on the caller's thread.
     */
    default CompletableFuture<List<SentenceTranslation>> translateAsync(List<String> sentences,
                                                                       GenerationOptions options) {
        return CompletableFuture.completedFuture(translate(sentences, options));
    }

    int countTokens(String sentence);

    int maxSourceTokens();

    AlignedDocument.ModelInfo info();
}
