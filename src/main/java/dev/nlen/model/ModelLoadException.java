package dev.nlen.model;

import java.nio.file.Path;

/** A model folder that cannot be used: names the file and what is wrong with it. */
public final class ModelLoadException extends RuntimeException {

    public ModelLoadException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelLoadException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
