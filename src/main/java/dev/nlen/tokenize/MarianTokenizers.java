package dev.nlen.tokenize;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the {@link Tokenizer} of a Marian model directory (Hugging Face / Xenova layout).
 *
 * <pre>{@code
 * try (Tokenizer tokenizer = MarianTokenizers.load(modelDir, TokenizerSource.AUTO)) {
 *     long[] ids = tokenizer.encode("Een lunch tussen de twee leiders werd afgelast.");
 * }
 * }</pre>
 */
public final class MarianTokenizers {

    private MarianTokenizers() {}

    /**
     * @throws TokenizerLoadException when a needed file is missing or unusable; the message names the file
     */
    public static Tokenizer load(Path modelDir, TokenizerSource source) {
        if (!Files.isDirectory(modelDir)) {
            throw new TokenizerLoadException(modelDir, "not a model directory");
        }
        return switch (resolve(modelDir, source)) {
            case SPM -> SpmTokenizerFactory.create(modelDir);
            case JSON -> XenovaTokenizerJson.create(modelDir);
            case AUTO -> throw new AssertionError("resolved above");
        };
    }

    /** {@link TokenizerSource#AUTO} becomes SPM when source.spm and vocab.json exist, else JSON. */
    public static TokenizerSource resolve(Path modelDir, TokenizerSource source) {
        if (source != TokenizerSource.AUTO) {
            return source;
        }
        boolean spm = Files.exists(modelDir.resolve(SpmTokenizerFactory.SOURCE_SPM))
                && Files.exists(modelDir.resolve(SpmTokenizerFactory.VOCAB_JSON));
        return spm ? TokenizerSource.SPM : TokenizerSource.JSON;
    }
}
