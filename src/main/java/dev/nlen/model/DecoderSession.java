package dev.nlen.model;

/**
 * Step-by-step decoding with a KV cache: the four verbs a search needs (start is {@link Seq2SeqModel#startDecoding}).
 * Rows are hypotheses: batch rows for greedy search, batch × beams rows for beam search.
 */
public interface DecoderSession extends AutoCloseable {

    /** Number of rows currently decoded. */
    int rows();

    /**
     * Feeds one token per row (the decoder start token on the first call) and returns the logits of the next token,
     * [rows][vocab]. After the first step only the new token is fed; the cache holds the rest. The rows may be reused
     * by the next step: they are valid until then, and the caller may change them in place.
     */
    float[][] step(long[] tokens);

    /** Whether {@link #stepRanked} is available: the step can be ranked where the logits are. */
    default boolean ranksInRuntime() {
        return false;
    }

    /**
     * Feeds one token per row like {@link #step} and ranks the next tokens without handing out the logits: per
     * sentence (each {@code beams} consecutive rows) the {@code k} best (row, token) by
     * {@code log_softmax(logits with banned = -inf) + beamScores} (or {@code log_softmax(logits)}, then the bans,
     * when {@code normaliseAfterBans} is false), best first, the lower beam · vocab + token first on ties.
     *
     * @param banned     token ids banned in every row this step
     * @param beamScores per row, added to its log-probabilities
     */
    default TopCandidates stepRanked(long[] tokens, long[] banned, boolean normaliseAfterBans, float[] beamScores,
                                     int beams, int k) {
        throw new UnsupportedOperationException("this session hands out logits only");
    }

    /**
     * Beam reorder: new row {@code i} continues old row {@code rows[i]}, which must decode the same source sentence.
     * Only the self-attention cache moves.
     */
    void reorderBeams(int[] rows);

    /**
     * Keeps only the given rows, in this order, repeating a row as often as listed: expands a batch to beams and
     * drops finished sentences. Moves everything that is per row, encoder states included.
     */
    void selectRows(int[] rows);

    @Override
    void close();
}
