package dev.nlen.translation;

import dev.nlen.model.DecoderLayout;
import dev.nlen.model.Precision;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.tokenize.TokenizerSource;
import java.nio.file.Path;

/**
 * What to load and how: the export folder, precision and decoder layout ({@code null} = chosen from the files),
 * runtime options and which tokenizer files to trust. Batch sizes are the scheduler's ({@link PooledTranslator}).
 */
public record EngineSettings(Path modelDir, Precision precision, DecoderLayout layout, RuntimeOptions runtime,
                             TokenizerSource tokenizer) {

    public static EngineSettings defaults(Path modelDir) {
        return new EngineSettings(modelDir, null, null, RuntimeOptions.cpu(), TokenizerSource.AUTO);
    }
}
