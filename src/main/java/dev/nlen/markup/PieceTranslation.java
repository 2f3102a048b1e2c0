package dev.nlen.markup;

import java.util.List;
import java.util.Map;

/**
 * The translation of one {@link Piece}: its sentences as {@code [start, end)} ranges of the piece's text (UTF-16,
 * in order, not overlapping) with their English, and optional translations of the piece's phrases.
 */
public record PieceTranslation(List<Span> sentences, Map<String, String> phrases) {

    public PieceTranslation {
        sentences = List.copyOf(sentences);
        phrases = Map.copyOf(phrases);
        int previousEnd = 0;
        for (Span span : sentences) {
            if (span.start() < previousEnd) {
                throw new IllegalArgumentException("sentence spans must be in order and not overlap: " + sentences);
            }
            previousEnd = span.end();
        }
    }

    /** The whole piece translated as one sentence. */
    public static PieceTranslation whole(Piece piece, String target) {
        return new PieceTranslation(List.of(new Span(0, piece.text().length(), target)), Map.of());
    }

    /** One source sentence of the piece and its translation. */
    public record Span(int start, int end, String target) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }
    }
}
