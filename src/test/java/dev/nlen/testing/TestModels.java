package dev.nlen.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find their stand-in models. */
public final class TestModels {

    /** Exported by Hugging Face's own tools (transformers + Optimum), random weights: the real contract in miniature. */
    public static final Path SHARED_HF = Path.of("../shared/models/opus-mt-nl-en-tiny-hf");
    /** Hand-weighted word-by-word translator made by scripts/make-standin-models.sh (committed fixture). */
    public static final Path TINY_DICT = Path.of("src/test/resources/models/tiny-dict");
    /** Random weights, same contract (committed fixture). */
    public static final Path TINY_RANDOM = Path.of("src/test/resources/models/tiny-random");

    private TestModels() {
    }

    /** The shared Hugging Face stand-in, or the test is skipped with a message where ../shared is absent. */
    public static Path sharedHf() {
        assumeTrue(Files.isDirectory(SHARED_HF),
                "skipped: " + SHARED_HF.toAbsolutePath().normalize() + " is absent (../shared not laid out here)");
        return SHARED_HF;
    }
}
