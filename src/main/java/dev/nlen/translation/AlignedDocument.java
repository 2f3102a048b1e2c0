package dev.nlen.translation;

import java.util.List;

/**
 * An article and its translation, paragraph by paragraph and sentence by sentence.
 * Offsets are UTF-16 indices into {@link #sourceText()} (what {@link String#substring} takes);
 * renderers that promise code points convert them.
 */
public record AlignedDocument(String sourceText, ModelInfo model, List<AlignedParagraph> paragraphs, Stats stats) {

    public AlignedDocument {
        paragraphs = List.copyOf(paragraphs);
    }

    /** Which model made the translation. */
    public record ModelInfo(String id, String revision, String precision, String device) {}

    /** Counts and timing of one translation. */
    public record Stats(int paragraphs, int sentences, long sourceTokens, long targetTokens, long millis) {}
}
