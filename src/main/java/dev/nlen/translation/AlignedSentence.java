package dev.nlen.translation;

import java.util.List;

/**
 * One source sentence (an exact substring {@code [start, end)} of the article) and its translation;
 * {@code alternatives} holds the n-best runners-up when the request asked for them. {@code score} is the search's
 * own score (Hugging Face's: beam = sum of log-probs / length^length_penalty, greedy = sum of log-probs);
 * {@code meanLogProb} is the mean log-probability per generated token, comparable across greedy and beam search and
 * across lengths (NaN when unknown).
 */
public record AlignedSentence(int start, int end, String source, String target, double score,
                              List<String> alternatives, double meanLogProb) {

    public AlignedSentence {
        alternatives = List.copyOf(alternatives);
    }

    public AlignedSentence(int start, int end, String source, String target, double score, List<String> alternatives) {
        this(start, end, source, target, score, alternatives, Double.NaN);
    }
}
