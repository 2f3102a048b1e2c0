package dev.nlen.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The finished hypotheses of one sentence: at most {@code num_beams}, each scored sum_logprobs / generated_len^lp
 * (generated_len counts the eos). Decides when the sentence is done, per {@code early_stopping}.
 */
final class BeamHypotheses {

    private final int numBeams;
    private final double lengthPenalty;
    private final EarlyStopping earlyStopping;
    private final int maxLength;
    private final List<Hypothesis> beams = new ArrayList<>();
    private double worstScore = 1e9;

    BeamHypotheses(int numBeams, double lengthPenalty, EarlyStopping earlyStopping, int maxLength) {
        this.numBeams = numBeams;
        this.lengthPenalty = lengthPenalty;
        this.earlyStopping = earlyStopping;
        this.maxLength = maxLength;
    }

    int size() {
        return beams.size();
    }

    /** Offers a finished sequence (without the decoder start token) with its summed log-probabilities. */
    void add(long[] tokens, double sumLogProbs) {
        double score = sumLogProbs / Math.pow(tokens.length, lengthPenalty);
        if (beams.size() < numBeams || score > worstScore) {
            beams.add(new Hypothesis(tokens, score));
            if (beams.size() > numBeams) {
                int worst = 0;
                for (int i = 1; i < beams.size(); i++) {
                    if (beams.get(i).score() < beams.get(worst).score()) {
                        worst = i;
                    }
                }
                beams.remove(worst);
                worstScore = beams.stream().mapToDouble(Hypothesis::score).min().orElseThrow();
            } else {
                worstScore = Math.min(score, worstScore);
            }
        }
    }

    /**
     * Whether no live beam can still enter the list. {@code bestSumLogProbs} is the best candidate of this step;
     * {@code generatedLength} the length a hypothesis ending at this step would have.
     */
    boolean isDone(double bestSumLogProbs, int generatedLength) {
        if (beams.size() < numBeams) {
            return false;
        }
        return switch (earlyStopping) {
            case TRUE -> true;
            case FALSE -> worstScore >= bestSumLogProbs / Math.pow(generatedLength, lengthPenalty);
            case NEVER -> worstScore >= bestSumLogProbs
                    / Math.pow(lengthPenalty > 0 ? maxLength - 1 : generatedLength, lengthPenalty);
        };
    }

    /** The best {@code n}, best first; equal scores keep the later-added first, as Python's sort-then-pop does. */
    List<Hypothesis> best(int n) {
        List<Hypothesis> sorted = new ArrayList<>(beams);
        java.util.Collections.reverse(sorted);
        sorted.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }
}
