package dev.nlen.detect;

/** A language (ISO 639-1, lower case) and how sure the detector is of it, 0..1. */
public record LanguageGuess(String language, double confidence) {

    public LanguageGuess {
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must lie in 0..1, got " + confidence);
        }
    }
}
