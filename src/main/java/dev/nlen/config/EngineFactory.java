package dev.nlen.config;

import dev.nlen.model.DecoderLayout;
import dev.nlen.model.Device;
import dev.nlen.model.Precision;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.tokenize.TokenizerSource;
import dev.nlen.translation.EngineSettings;
import java.util.Locale;

/** Maps the configuration's words onto the engine's settings, refusing unknown ones by name. */
final class EngineFactory {

    private EngineFactory() {
    }

    static EngineSettings settings(TranslatorConfig config) {
        TranslatorConfig.Model model = config.model();
        TranslatorConfig.Runtime runtime = config.runtime();
        return new EngineSettings(
                model.dir(),
                auto(model.precision(), "translator.model.precision", Precision.class),
                auto(model.layout(), "translator.model.layout", DecoderLayout.class),
                new RuntimeOptions(Device.parse(runtime.device()), runtime.threads(), model.optimizedCacheDir(),
                        runtime.spinning().orElse(RuntimeOptions.DEFAULT_SPINNING))
                        .withMemory(runtime.cpuArena(), runtime.memoryPattern()),
                TokenizerSource.valueOf(word(model.tokenizer(), "translator.model.tokenizer", TokenizerSource.class)));
    }

    /** {@code auto} → {@code null} (chosen from the files), else the constant of that name. */
    private static <E extends Enum<E>> E auto(String value, String key, Class<E> type) {
        String word = word(value, key, type);
        return word.equals("AUTO") ? null : Enum.valueOf(type, word);
    }

    private static <E extends Enum<E>> String word(String value, String key, Class<E> type) {
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("AUTO")) {
            return upper;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(upper)) {
                return upper;
            }
        }
        throw new IllegalArgumentException(key + " must be auto or one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()
                + ", not '" + value + "'");
    }
}
