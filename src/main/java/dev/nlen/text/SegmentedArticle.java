package dev.nlen.text;

import java.util.List;

/**
 * An article cut into paragraph-level segments and sentences. Everything outside the sentences (a leading BOM,
 * blank lines, markers, the white space between sentences) is separator text; sentences and separators, in
 * order, rebuild {@link #text()} exactly.
 */
public record SegmentedArticle(String text, List<Paragraph> paragraphs) {

    public SegmentedArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    /** All sentences, in document order. */
    public List<Sentence> sentences() {
        return paragraphs.stream().flatMap(p -> p.sentences().stream()).toList();
    }

    public int sentenceCount() {
        return paragraphs.stream().mapToInt(p -> p.sentences().size()).sum();
    }
}
