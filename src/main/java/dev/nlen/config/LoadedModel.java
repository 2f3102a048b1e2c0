package dev.nlen.config;

import dev.nlen.generation.GenerationOptions;
import dev.nlen.translation.ArticleTranslator;
import dev.nlen.translation.PooledTranslator;
import dev.nlen.translation.TranslationEngine;

/** What a successful load opened: the engine, its batching pool, the use case and the decoding defaults. */
record LoadedModel(TranslationEngine engine, PooledTranslator pool, ArticleTranslator translator,
                   GenerationOptions defaults, NativeMemoryTrim trim) implements AutoCloseable {

    /** The pool first (it finishes queued work on the engine), then the engine; all run even if one throws. */
    @Override
    public void close() {
        try {
            trim.close();
            pool.close();
        } finally {
            engine.close();
        }
    }
}
