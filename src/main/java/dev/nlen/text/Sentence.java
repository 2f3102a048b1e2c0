package dev.nlen.text;

/**
 * One sentence: the exact range {@code [start, end)} of the article (UTF-16 indices, what {@link String#substring}
 * takes). It never starts or ends with white space; the white space around it belongs to the separators.
 */
public record Sentence(int start, int end) {

    public Sentence {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative sentence range [" + start + ", " + end + ")");
        }
    }

    /** The sentence exactly as it stands in {@code source}, internal line breaks included. */
    public String text(String source) {
        return source.substring(start, end);
    }

    /**
     * What the model should see: every run of white space (line breaks of a wrapped paragraph included) becomes one
     * space. The source keeps its layout; only this view is normalised.
     */
    public String textForTranslation(String source) {
        return WhiteSpace.collapse(source, start, end);
    }

    /** Length in UTF-16 units. */
    public int length() {
        return end - start;
    }
}
