package dev.nlen.cli;

import dev.nlen.generation.GenerationOptions;
import dev.nlen.generation.LengthGuard;
import dev.nlen.model.DecoderLayout;
import dev.nlen.model.Device;
import dev.nlen.model.Precision;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.tokenize.TokenizerSource;
import dev.nlen.translation.EngineSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The model and decoding flags every command shares. Each names the server's config key in {@code descriptionKey},
 * so {@link ConfigDefaults} gives it the server's default (env {@code TRANSLATOR_MODEL_DIR} for {@code --model}).
 */
final class EngineOptions {

    @Option(names = "--model", paramLabel = "DIR", descriptionKey = "translator.model.dir",
            defaultValue = "models/opus-mt-nl-en", description = "The export folder (translator.model.dir). Default: ${DEFAULT-VALUE}")
    Path model;

    @Option(names = "--precision", paramLabel = "auto|fp32|int8", descriptionKey = "translator.model.precision",
            defaultValue = "auto", description = "Weight precision (translator.model.precision). Default: ${DEFAULT-VALUE}")
    String precision;

    @Option(names = "--layout", paramLabel = "auto|merged|split", descriptionKey = "translator.model.layout",
            defaultValue = "auto", description = "Decoder layout (translator.model.layout). Default: ${DEFAULT-VALUE}")
    String layout;

    @Option(names = "--tokenizer", paramLabel = "auto|spm|json", descriptionKey = "translator.model.tokenizer",
            defaultValue = "auto", description = "Tokenizer files (translator.model.tokenizer). Default: ${DEFAULT-VALUE}")
    String tokenizer;

    @Option(names = "--device", paramLabel = "cpu|cuda|auto", descriptionKey = "translator.runtime.device",
            defaultValue = "cpu", description = "Where to run (translator.runtime.device). Default: ${DEFAULT-VALUE}")
    String device;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "translator.runtime.threads", defaultValue = "0",
            description = "ONNX Runtime threads, 0 = one per core (translator.runtime.threads). Default: ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--batch-size", paramLabel = "N", descriptionKey = "translator.runtime.max-batch-sentences",
            defaultValue = "32", description = "Most sentences per batch (translator.runtime.max-batch-sentences). "
            + "Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--beams", paramLabel = "N", descriptionKey = "translator.generation.beams", defaultValue = "0",
            description = "Beam width 1..16; 0 = generation_config.json's (translator.generation.beams)")
    int beams;

    // not the server's keys: the server's guard defaults to 3 × + 10, the command line decodes as generate does
    @Option(names = "--max-length-factor", paramLabel = "F", defaultValue = "0",
            description = "Length guard: at most ceil(F x source tokens) + offset new tokens a sentence (the server's "
                    + "translator.generation.max-length-factor, default 3 there); 0 = none, as Hugging Face generate. "
                    + "Default: ${DEFAULT-VALUE}")
    double maxLengthFactor;

    @Option(names = "--max-length-offset", paramLabel = "N", defaultValue = "10",
            description = "Length guard: new tokens on top of F x source tokens. Default: ${DEFAULT-VALUE}")
    int maxLengthOffset;

    @Option(names = "--max-new-tokens", paramLabel = "N", descriptionKey = "translator.generation.max-new-tokens",
            defaultValue = "0", description = "Most generated tokens 1..511; 0 = generation_config.json's "
            + "(translator.generation.max-new-tokens)")
    int maxNewTokens;

    EngineSettings engine() {
        range("--threads", threads, 0, 256);
        range("--batch-size", batchSize, 1, 1024);
        Precision p = choice("--precision", precision, "auto", "fp32", "int8").equals("AUTO") ? null
                : Precision.valueOf(precision.toUpperCase(Locale.ROOT));
        DecoderLayout l = choice("--layout", layout, "auto", "merged", "split").equals("AUTO") ? null
                : DecoderLayout.valueOf(layout.toUpperCase(Locale.ROOT));
        Device d = Device.valueOf(choice("--device", device, "cpu", "cuda", "auto"));
        TokenizerSource t = TokenizerSource.valueOf(choice("--tokenizer", tokenizer, "auto", "spm", "json"));
        return new EngineSettings(model, p, l, new RuntimeOptions(d, threads, Optional.empty()), t);
    }

    /** Most sentences decoded together (the scheduler forms the batches, the engine decodes each as it is). */
    int batchSize() {
        range("--batch-size", batchSize, 1, 1024);
        return batchSize;
    }

    /** The export's decoding defaults with --beams and --max-new-tokens applied. */
    GenerationOptions options(GenerationOptions defaults) {
        range("--beams", beams, 0, GenerationOptions.MAX_BEAMS);
        range("--max-new-tokens", maxNewTokens, 0, 511);
        GenerationOptions options = defaults;
        if (beams > 0) {
            options = options.withNumBeams(beams);
        }
        if (maxNewTokens > 0) {
            options = options.withMaxNewTokens(maxNewTokens);
        }
        if (maxLengthFactor < 0 || Double.isNaN(maxLengthFactor) || maxLengthOffset < 0) {
            throw new UsageException("--max-length-factor and --max-length-offset must be >= 0");
        }
        return maxLengthFactor > 0 ? options.withLengthGuard(new LengthGuard(maxLengthFactor, maxLengthOffset)) : options;
    }

    private static void range(String flag, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UsageException(flag + " must be in [" + min + ", " + max + "], not " + value);
        }
    }

    private static String choice(String flag, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value.toUpperCase(Locale.ROOT);
            }
        }
        throw new UsageException(flag + " must be one of " + String.join("|", allowed) + ", not '" + value + "'");
    }
}
