package dev.nlen.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts a sentence that is too long for the model into contiguous pieces that each fit. Each piece is as long as
 * fits, ending at the most natural kind of cut that offers a fitting piece: clause punctuation and dashes, then
 * conjunctions, then white space, and for text without white space any code point boundary ({@link CutLevel}).
 * Pieces are exact trimmed substrings of the source and with the white space between them rebuild the sentence;
 * nothing is dropped or truncated. A piece fits when {@code tokenCount} of its {@link Sentence#textForTranslation}
 * is at most {@code maxTokens}; only a single code point that alone exceeds the limit is returned as it is.
 */
public final class LongSentenceSplitter {

    private static final int FIRST_WINDOW = 256; // UTF-16 units; doubled until the window no longer fits

    private final ToIntFunction<String> tokenCount;
    private final int maxTokens;

    /**
     * @param tokenCount tokens the model will see for a piece of text (e.g. the tokenizer's id count)
     * @param maxTokens  the most tokens a piece may have (e.g. 500, leaving room under a 512-position model)
     */
    public LongSentenceSplitter(ToIntFunction<String> tokenCount, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
        this.tokenCount = tokenCount;
        this.maxTokens = maxTokens;
    }

    /** The sentence itself when it fits, otherwise its pieces in order. */
    public List<Sentence> split(String source, Sentence sentence) {
        List<Sentence> pieces = new ArrayList<>();
        int pieceStart = sentence.start();
        while (pieceStart < sentence.end() && !fits(source, trimmed(source, pieceStart, sentence.end()))) {
            int windowEnd = windowEnd(source, pieceStart, sentence.end());
            int cut = bestCut(source, pieceStart, windowEnd, sentence.end());
            pieces.add(trimmed(source, pieceStart, cut));
            pieceStart = WhiteSpace.skipForward(source, cut, sentence.end());
        }
        if (pieceStart < sentence.end()) {
            pieces.add(trimmed(source, pieceStart, sentence.end()));
        }
        return pieces;
    }

    public boolean fits(String source, Sentence piece) {
        return tokenCount.applyAsInt(piece.textForTranslation(source)) <= maxTokens;
    }

    /**
     * An end beyond which no piece starting at {@code pieceStart} can fit: the window grows by doubling until the
     * text up to its end does not fit, so scanning for cut points stays linear in the sentence length.
     */
    private int windowEnd(String source, int pieceStart, int end) {
        for (long length = FIRST_WINDOW; ; length *= 2) {
            int windowEnd = (int) Math.min(end, pieceStart + length);
            if (windowEnd < end && Character.isLowSurrogate(source.charAt(windowEnd))) {
                windowEnd++; // do not end inside a surrogate pair
            }
            if (windowEnd >= end || !fits(source, trimmed(source, pieceStart, windowEnd))) {
                return windowEnd;
            }
        }
    }

    /** The farthest fitting cut of the most natural level that has one; a single code point at worst. */
    private int bestCut(String source, int pieceStart, int windowEnd, int end) {
        for (CutLevel level : CutLevel.values()) {
            List<Integer> cuts = level.cutPoints(source, pieceStart, windowEnd, end);
            int farthest = farthestFittingCut(source, pieceStart, cuts);
            if (farthest >= 0) {
                return cuts.get(farthest);
            }
        }
        int firstCodePoint = pieceStart + Character.charCount(source.codePointAt(pieceStart));
        return Math.min(firstCodePoint, end); // one code point alone is over the limit: keep it, never drop it
    }

    /** Index of the farthest cut whose piece {@code [pieceStart, cut)} fits, or -1 (token counts grow with text). */
    private int farthestFittingCut(String source, int pieceStart, List<Integer> cuts) {
        int low = 0;
        int high = cuts.size() - 1;
        int best = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (fits(source, trimmed(source, pieceStart, cuts.get(mid)))) {
                best = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return best;
    }

    private static Sentence trimmed(String source, int start, int end) {
        int s = WhiteSpace.skipForward(source, start, end);
        return new Sentence(s, WhiteSpace.skipBackward(source, s, end));
    }
}
