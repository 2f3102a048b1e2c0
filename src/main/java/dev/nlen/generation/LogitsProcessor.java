package dev.nlen.generation;

/**
 * Adjusts next-token scores in place, one step at a time, as Hugging Face's logits processors do.
 * {@code sequences[row]} are the tokens so far, decoder start token included; {@code scores} is [rows][vocab].
 */
@FunctionalInterface
public interface LogitsProcessor {

    void process(long[][] sequences, float[][] scores);
}
