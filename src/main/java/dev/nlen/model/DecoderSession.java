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
