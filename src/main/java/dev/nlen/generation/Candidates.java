package dev.nlen.generation;

import dev.nlen.model.TopCandidates;

/**
 * The best {@code n} (beam, token) pairs of one sentence by log-probability plus beam score, best first; on equal
 * scores the lower flat index (beam·vocab + token) ranks first.
 */
final class Candidates {

    private final float[] scores;
    private final int[] rows;
    private final int[] tokens;
    private int size;

    private Candidates(int n) {
        scores = new float[n];
        rows = new int[n];
        tokens = new int[n];
    }

    /** Sentence {@code sentence}'s candidates as ranked inside the runtime. */
    static Candidates of(TopCandidates ranked, int sentence) {
        Candidates top = new Candidates(ranked.size());
        for (int rank = 0; rank < ranked.size(); rank++) {
            top.scores[rank] = ranked.score(sentence, rank);
            top.rows[rank] = ranked.row(sentence, rank);
            top.tokens[rank] = ranked.token(sentence, rank);
        }
        top.size = ranked.size();
        return top;
    }

    static Candidates best(float[][] logProbs, float[] beamScores, int firstRow, int beams, int n) {
        Candidates top = new Candidates(n);
        for (int row = firstRow; row < firstRow + beams; row++) {
            float[] row0 = logProbs[row];
            float beamScore = beamScores[row];
            for (int token = 0; token < row0.length; token++) {
                float score = row0[token] + beamScore;
                if (top.size < n || score > top.scores[top.size - 1]) {
                    top.insert(score, row, token);
                }
            }
        }
        return top;
    }

    /** Inserts after every entry with a score at least as high: earlier (lower-index) entries win ties. */
    private void insert(float score, int row, int token) {
        int at = Math.min(size, scores.length - 1);
        while (at > 0 && scores[at - 1] < score) {
            scores[at] = scores[at - 1];
            rows[at] = rows[at - 1];
            tokens[at] = tokens[at - 1];
            at--;
        }
        scores[at] = score;
        rows[at] = row;
        tokens[at] = token;
        size = Math.min(size + 1, scores.length);
    }

    int size() {
        return size;
    }

    float score(int rank) {
        return scores[rank];
    }

    int row(int rank) {
        return rows[rank];
    }

    long token(int rank) {
        return tokens[rank];
    }
}
