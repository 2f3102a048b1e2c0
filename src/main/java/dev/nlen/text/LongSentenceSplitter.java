package dev.nlen.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts a sentence that is too long for the model into contiguous pieces that each fit: first at clause
 * punctuation and dashes, then before conjunctions, then at white space, and for text without white space at code
 * point boundaries ({@link CutLevel}). Pieces are packed greedily (each as long as fits), are exact trimmed
 * substrings of the source, and with the white space between them rebuild the sentence; nothing is dropped or
 * truncated. A piece "fits" when {@code tokenCount} of its {@link Sentence#textForTranslation} is at most
 * {@code maxTokens}; only a single code point that alone exceeds the limit is returned as it is.
 */
public final class LongSentenceSplitter {

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
        splitInto(source, sentence, CutLevel.CLAUSE_PUNCTUATION, pieces);
        return pieces;
    }

    public boolean fits(String source, Sentence piece) {
        return tokenCount.applyAsInt(piece.textForTranslation(source)) <= maxTokens;
    }

    private void splitInto(String source, Sentence range, CutLevel level, List<Sentence> out) {
        if (fits(source, range)) {
            out.add(range);
            return;
        }
        List<Integer> cuts = level.cutPoints(source, range.start(), range.end());
        if (cuts.isEmpty()) {
            if (level == CutLevel.CODE_POINT) {
                out.add(range); // a single code point: nothing left to cut
            } else {
                splitInto(source, range, level.next(), out);
            }
            return;
        }
        int pieceStart = range.start();
        int next = 0; // index into cuts of the first cut after pieceStart
        while (next < cuts.size()) {
            int farthest = farthestFittingCut(source, pieceStart, cuts, next);
            int cut = cuts.get(farthest < 0 ? next : farthest);
            Sentence piece = trimmed(source, pieceStart, cut);
            if (farthest < 0) {
                splitInto(source, piece, level.next(), out);
            } else {
                out.add(piece);
            }
            pieceStart = cut;
            next = (farthest < 0 ? next : farthest) + 1;
        }
        splitInto(source, trimmed(source, pieceStart, range.end()), level, out);
    }

    /**
     * Index of the farthest cut in {@code cuts[from..]} whose piece {@code [pieceStart, cut)} fits, or -1.
     * Binary search: token counts grow with the text (checked again by the caller's recursion if they do not).
     */
    private int farthestFittingCut(String source, int pieceStart, List<Integer> cuts, int from) {
        int low = from;
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
