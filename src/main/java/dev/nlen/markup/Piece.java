package dev.nlen.markup;

import java.util.List;

/**
 * One translatable stretch of a document: the text of a block (or of the inline content between two nested
 * blocks or {@code <br>}s), white space collapsed as a browser shows it, entities decoded. {@code phrases} are the
 * texts of the inline elements inside it ({@code <b>kat</b>} → {@code "kat"}): translating them too lets
 * {@link HtmlDocument#render} find where those elements belong in the translated sentence.
 */
public record Piece(int index, PieceKind kind, String text, List<String> phrases) {

    public Piece {
        phrases = List.copyOf(phrases);
    }
}
