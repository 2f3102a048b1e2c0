package dev.nlen.detect;

/**
 * A language (ISO 639-1, lower case) and Lingua's relative confidence in it, 0..1: the most likely language of a
 * text has 1, the others by how close they come (0 when ruled out).
 */
public record LanguageGuess(String language, double confidence) {

    public LanguageGuess {
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must lie in 0..1, got " + confidence);
        }
    }
}
