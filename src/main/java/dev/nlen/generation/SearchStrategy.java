package dev.nlen.generation;

import dev.nlen.model.DecoderSession;
import java.util.List;
import java.util.function.IntPredicate;

/** How the next tokens are chosen. Greedy and beam search are the two kinds; both drop finished rows. */
public sealed interface SearchStrategy permits GreedySearch, BeamSearch {

    /**
     * Decodes every row of {@code session} (one per source sentence) to the end.
     *
     * @return per source row, its hypotheses best first ({@code num_return_sequences} of them)
     */
    default List<List<Hypothesis>> search(DecoderSession session, GenerationOptions options) {
        return search(session, options, sentence -> false);
    }

    /**
     * As {@link #search(DecoderSession, GenerationOptions)}, but a source row whose {@code stopped} test turns true
     * (its request was cancelled or timed out) leaves the batch at the next step, like a finished one; its result is
     * an empty list. Checked once per step, so it costs nothing when nobody stops.
     */
    default List<List<Hypothesis>> search(DecoderSession session, GenerationOptions options, IntPredicate stopped) {
        int[] maxLengths = new int[session.rows()];
        java.util.Arrays.fill(maxLengths, options.effectiveMaxLength());
        return search(session, options, stopped, maxLengths);
    }

    /**
     * As above, with a decoder sequence length limit per source row (start token included, at most
     * {@link GenerationOptions#effectiveMaxLength}): the length guard's cap. A row reaching its limit stops as it
     * would at {@code max_length}; {@code max_length} itself keeps its other roles (forced eos, early stopping bound).
     */
    List<List<Hypothesis>> search(DecoderSession session, GenerationOptions options, IntPredicate stopped,
                                  int[] maxLengths);

    static SearchStrategy forOptions(GenerationOptions options) {
        return options.numBeams() == 1 && options.numReturnSequences() == 1 ? new GreedySearch() : new BeamSearch();
    }
}
