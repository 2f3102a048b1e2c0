package dev.nlen.text;

import java.util.List;

/**
 * One paragraph-level segment: {@code [start, end)} covers the whole block, a Markdown heading marker ({@code ## })
 * or list marker ({@code - }, {@code 1. }) included; the sentences cover only the content after the marker. So
 * {@code source.substring(start, sentences.getFirst().start())} is the marker (plus its space), empty for plain
 * paragraphs. Offsets are UTF-16 indices into the article.
 */
public record Paragraph(int index, Kind kind, int start, int end, List<Sentence> sentences) {

    /** What kind of block this is; translation maps it onto its own wire names. */
    public enum Kind { PARAGRAPH, HEADING, LIST_ITEM }

    public Paragraph {
        sentences = List.copyOf(sentences);
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a paragraph has at least one sentence");
        }
        if (start < 0 || start > sentences.getFirst().start() || end != sentences.getLast().end()) {
            throw new IllegalArgumentException("sentences must lie inside [" + start + ", " + end + ")");
        }
    }

    /** The block exactly as in {@code source}, marker included. */
    public String text(String source) {
        return source.substring(start, end);
    }

    /** The block without its marker: what is translated ({@code "Kop"} for {@code "## Kop"}). */
    public String content(String source) {
        return source.substring(contentStart(), end);
    }

    /** Where the translatable content starts (after any heading or list marker). */
    public int contentStart() {
        return sentences.getFirst().start();
    }

    /** The heading or list marker with the white space after it ({@code "## "}, {@code "1. "}), or {@code ""}. */
    public String marker(String source) {
        return source.substring(start, contentStart());
    }
}
