package dev.nlen.generation;

import dev.nlen.model.DecoderSession;
import java.util.List;

/** How the next tokens are chosen. Greedy and beam search are the two kinds; both drop finished rows. */
public sealed interface SearchStrategy permits GreedySearch, BeamSearch {

    /**
     * Decodes every row of {@code session} (one per source sentence) to the end.
     *
     * @return per source row, its hypotheses best first ({@code num_return_sequences} of them)
     */
    List<List<Hypothesis>> search(DecoderSession session, GenerationOptions options);

    static SearchStrategy forOptions(GenerationOptions options) {
        return options.numBeams() == 1 && options.numReturnSequences() == 1 ? new GreedySearch() : new BeamSearch();
    }
}
