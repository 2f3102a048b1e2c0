package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The stand-in model in ../shared (read-only); tests that need it skip with a message where it is absent. */
final class SharedModel {

    static final Path DIR = Path.of("..", "shared", "models", "opus-mt-nl-en-tiny-hf").toAbsolutePath().normalize();

    private SharedModel() {}

    static Path dir() {
        assumeTrue(Files.isDirectory(DIR), "shared stand-in model not found at " + DIR + ": skipping");
        return DIR;
    }
}
