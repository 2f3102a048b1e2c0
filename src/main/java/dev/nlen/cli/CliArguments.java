package dev.nlen.cli;

import dev.nlen.generation.GenerationOptions;
import dev.nlen.model.DecoderLayout;
import dev.nlen.model.Device;
import dev.nlen.model.Precision;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.tokenize.TokenizerSource;
import dev.nlen.translation.EngineSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The command line of translate-lines, parsed and checked; a bad argument is an {@link IllegalArgumentException}. */
record CliArguments(EngineSettings engine, int beams, int maxNewTokens, boolean idsIn) {

    static final String USAGE = "usage: translate-lines.sh --model DIR [--beams N] [--max-new-tokens N] "
            + "[--precision fp32|int8] [--layout merged|split] [--batch-size N] [--device cpu|cuda|auto] "
            + "[--threads N] [--tokenizer auto|spm|json] [--ids-in]";

    /** 0 for beams or max-new-tokens: take generation_config.json's value. */
    static CliArguments parse(String[] args) {
        Path model = null;
        Precision precision = null;
        DecoderLayout layout = null;
        Device device = Device.CPU;
        TokenizerSource tokenizer = TokenizerSource.AUTO;
        int beams = 0;
        int maxNewTokens = 0;
        int batchSize = 32;
        int threads = 0;
        boolean idsIn = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--ids-in")) {
                idsIn = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag.startsWith("--") ? flag + " needs a value" : "unknown argument " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--model" -> model = Path.of(value);
                case "--beams" -> beams = positive(flag, value, 16);
                case "--max-new-tokens" -> maxNewTokens = positive(flag, value, 511);
                case "--batch-size" -> batchSize = positive(flag, value, 1024);
                case "--threads" -> threads = positive(flag, value, 256);
                case "--precision" -> precision = Precision.valueOf(choice(flag, value, "fp32", "int8"));
                case "--layout" -> layout = DecoderLayout.valueOf(choice(flag, value, "merged", "split"));
                case "--device" -> device = Device.valueOf(choice(flag, value, "cpu", "cuda", "auto"));
                case "--tokenizer" -> tokenizer = TokenizerSource.valueOf(choice(flag, value, "auto", "spm", "json"));
                default -> throw new IllegalArgumentException("unknown argument " + flag);
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("--model DIR is required");
        }
        RuntimeOptions runtime = new RuntimeOptions(device, threads, Optional.empty());
        return new CliArguments(new EngineSettings(model, precision, layout, runtime, tokenizer, batchSize),
                beams, maxNewTokens, idsIn);
    }

    /** The export's decoding defaults with the --beams and --max-new-tokens given here. */
    GenerationOptions options(GenerationOptions defaults) {
        GenerationOptions options = defaults;
        if (beams > 0) {
            options = options.withNumBeams(beams);
        }
        if (maxNewTokens > 0) {
            options = options.withMaxNewTokens(maxNewTokens);
        }
        return options;
    }

    private static int positive(String flag, String value, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be an integer in [1, " + max + "], not '" + value + "'");
    }

    private static String choice(String flag, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value.toUpperCase(Locale.ROOT);
            }
        }
        throw new IllegalArgumentException(flag + " must be one of " + String.join("|", allowed) + ", not '" + value + "'");
    }
}
