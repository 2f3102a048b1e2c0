package dev.nlen.generation;

/**
 * One generated sequence: the ids after the decoder start token, ending with eos when one was generated, and its
 * score as Hugging Face reports it (beam: sum of log-probs / length^length_penalty; greedy: sum of log-probs).
 */
public record Hypothesis(long[] tokens, double score) {

    public Hypothesis {
        tokens = tokens.clone();
    }

    @Override
    public long[] tokens() {
        return tokens.clone();
    }

    public int length() {
        return tokens.length;
    }
}
