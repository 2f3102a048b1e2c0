package dev.nlen.tokenize;

import java.nio.file.Path;

/** A tokenizer file is missing, unreadable or not what a Marian tokenizer needs; the message names the file. */
public final class TokenizerLoadException extends RuntimeException {

    private final transient Path file;

    public TokenizerLoadException(Path file, String problem) {
        this(file, problem, null);
    }

    public TokenizerLoadException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file (or directory) that could not be used. */
    public Path file() {
        return file;
    }
}
