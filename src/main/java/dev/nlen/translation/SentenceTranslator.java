package dev.nlen.translation;

import dev.nlen.generation.GenerationOptions;
import java.util.List;

/** Translates sentences in order: the engine itself, or a pool that batches sentences of concurrent requests. */
public interface SentenceTranslator {

    List<SentenceTranslation> translate(List<String> sentences, GenerationOptions options);

    int countTokens(String sentence);

    int maxSourceTokens();

    AlignedDocument.ModelInfo info();
}
