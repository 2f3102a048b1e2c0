package dev.nlen.model;

/**
 * A step ranked inside the runtime: per sentence (a group of {@code beams} consecutive rows) its best {@code k}
 * candidates, best first, as row, token and score (log-probability plus beam score).
 */
public record TopCandidates(int beams, int vocab, float[][] scores, long[][] indices) {

    public int sentences() {
        return scores.length;
    }

    /** Candidates per sentence. */
    public int size() {
        return scores.length == 0 ? 0 : scores[0].length;
    }

    /** The session row the candidate continues. */
    public int row(int sentence, int rank) {
        return sentence * beams + (int) (indices[sentence][rank] / vocab);
    }

    public int token(int sentence, int rank) {
        return (int) (indices[sentence][rank] % vocab);
    }

    public float score(int sentence, int rank) {
        return scores[sentence][rank];
    }
}
