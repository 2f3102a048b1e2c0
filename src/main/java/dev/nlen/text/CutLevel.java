package dev.nlen.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a too-long sentence may be cut, from the most to the least natural. A cut point is an index inside the
 * range where the right-hand piece starts; the white space before it goes to the separator.
 */
enum CutLevel {
    /** After {@code , ; :} and before a free-standing dash ({@code –}, {@code —}, {@code -}). */
    CLAUSE_PUNCTUATION,
    /** Before a coordinating or common subordinating conjunction. */
    CONJUNCTION,
    /** Before any word. */
    WHITE_SPACE,
    /** Between any two code points: the last resort for text without white space. */
    CODE_POINT;

    private static final Set<String> CONJUNCTIONS = Set.of("en", "maar", "of", "want", "dus", "omdat", "terwijl",
            "doordat", "waardoor", "zodat", "hoewel");
    private static final Set<String> DASHES = Set.of("–", "—", "-");
    private static final String CLAUSE_END = ",;:";

    /**
     * Cut points strictly inside {@code [start, windowEnd)}, ascending; {@code text[start]} is not white and
     * {@code end} (the sentence end) bounds the word looked at after a cut.
     */
    List<Integer> cutPoints(String text, int start, int windowEnd, int end) {
        List<Integer> cuts = new ArrayList<>();
        if (this == CODE_POINT) {
            for (int i = start + Character.charCount(text.codePointAt(start)); i < windowEnd;
                 i += Character.charCount(text.codePointAt(i))) {
                cuts.add(i);
            }
            return cuts;
        }
        for (int i = start + 1; i < windowEnd; i++) {
            if (WhiteSpace.isWhite(text.charAt(i - 1)) && !WhiteSpace.isWhite(text.charAt(i))
                    && acceptsWordAt(text, start, i, wordEnd(text, i, end))) {
                cuts.add(i);
            }
        }
        return cuts;
    }

    private boolean acceptsWordAt(String text, int start, int wordStart, int wordEnd) {
        String word = text.substring(wordStart, wordEnd);
        return switch (this) {
            case CLAUSE_PUNCTUATION -> DASHES.contains(word)
                    || CLAUSE_END.indexOf(text.charAt(WhiteSpace.skipBackward(text, start, wordStart) - 1)) >= 0;
            case CONJUNCTION -> CONJUNCTIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
            case WHITE_SPACE, CODE_POINT -> true;
        };
    }

    private static int wordEnd(String text, int from, int end) {
        int i = from;
        while (i < end && !WhiteSpace.isWhite(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
