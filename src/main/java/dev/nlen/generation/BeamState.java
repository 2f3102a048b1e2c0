package dev.nlen.generation;

import java.util.Arrays;
import java.util.List;

/**
 * The live beams of the sentences still decoded: row {@code i·beams + k} is beam {@code k} of live sentence
 * {@code i}, with its tokens (decoder start included), cumulative log-probability and the row it came from.
 */
final class BeamState {

    private final int beams;
    private final long[][] sequences;
    private final float[] scores;
    private final int[] parents;

    private BeamState(int beams, long[][] sequences, float[] scores, int[] parents) {
        this.beams = beams;
        this.sequences = sequences;
        this.scores = scores;
        this.parents = parents;
    }

    static BeamState start(int sentences, int beams, long decoderStart, float silencedScore) {
        BeamState state = empty(sentences, beams);
        for (int row = 0; row < state.sequences.length; row++) {
            state.sequences[row] = new long[] {decoderStart};
            state.scores[row] = row % beams == 0 ? 0f : silencedScore;
        }
        return state;
    }

    static BeamState empty(int sentences, int beams) {
        int rows = sentences * beams;
        return new BeamState(beams, new long[rows][], new float[rows], new int[rows]);
    }

    long[][] sequences() {
        return sequences;
    }

    /** Per row, its cumulative log-probability. */
    float[] scores() {
        return scores;
    }

    /**
     * Takes the 2×beams best candidates of live sentence {@code i}, best first, finishes eos candidates ranked within the top
     * beams into {@code hypotheses} and puts the best non-eos candidates into {@code next}.
     *
     * @return the best candidate's score, for {@link BeamHypotheses#isDone}
     */
    float advance(int i, Candidates top, GenerationOptions options, BeamHypotheses hypotheses, BeamState next) {
        int filled = 0;
        for (int rank = 0; rank < top.size() && filled < beams; rank++) {
            int parent = top.row(rank);
            long token = top.token(rank);
            if (options.isEos(token)) {
                if (rank < beams) {
                    hypotheses.add(withoutStart(GreedySearch.append(sequences[parent], token)), top.score(rank));
                }
                continue;
            }
            int row = i * beams + filled++;
            next.sequences[row] = GreedySearch.append(sequences[parent], token);
            next.scores[row] = top.score(rank);
            next.parents[row] = parent;
        }
        if (filled < beams) {
            throw new IllegalStateException("only " + filled + " of " + beams + " beams could be continued");
        }
        return top.score(0);
    }

    /** Adds the live beams of sentence {@code i} as they are: generation ran out of length. */
    void finishInto(int i, BeamHypotheses hypotheses) {
        for (int k = 0; k < beams; k++) {
            int row = i * beams + k;
            hypotheses.add(withoutStart(sequences[row]), scores[row]);
        }
    }

    /** For the kept sentences, the current row each next beam continues. */
    int[] parentRows(List<Integer> kept) {
        int[] rows = new int[kept.size() * beams];
        for (int j = 0; j < kept.size(); j++) {
            System.arraycopy(parents, kept.get(j) * beams, rows, j * beams, beams);
        }
        return rows;
    }

    /** This state restricted to the kept sentences, renumbered in order. */
    BeamState keep(List<Integer> kept) {
        BeamState kept0 = empty(kept.size(), beams);
        for (int j = 0; j < kept.size(); j++) {
            int from = kept.get(j) * beams;
            System.arraycopy(sequences, from, kept0.sequences, j * beams, beams);
            System.arraycopy(scores, from, kept0.scores, j * beams, beams);
        }
        return kept0;
    }

    private static long[] withoutStart(long[] sequence) {
        return Arrays.copyOfRange(sequence, 1, sequence.length);
    }
}
