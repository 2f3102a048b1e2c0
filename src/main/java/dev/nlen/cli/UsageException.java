package dev.nlen.cli;

/** A bad flag value found after parsing: reported like picocli's own errors, exit 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
