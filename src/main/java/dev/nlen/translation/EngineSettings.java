package dev.nlen.translation;

import dev.nlen.model.DecoderLayout;
import dev.nlen.model.Precision;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.tokenize.TokenizerSource;
import java.nio.file.Path;

/**
 * What to load and how: the export folder, precision and decoder layout ({@code null} = chosen from the files),
 * runtime options, which tokenizer files to trust, and the most sentences decoded together.
 */
public record EngineSettings(Path modelDir, Precision precision, DecoderLayout layout, RuntimeOptions runtime,
                             TokenizerSource tokenizer, int maxBatchSize) {

    public EngineSettings {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, is " + maxBatchSize);
        }
    }

    public static EngineSettings defaults(Path modelDir) {
        return new EngineSettings(modelDir, null, null, RuntimeOptions.cpu(), TokenizerSource.AUTO, 32);
    }
}
