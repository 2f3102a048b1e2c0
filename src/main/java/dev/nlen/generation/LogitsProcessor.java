package dev.nlen.generation;

/**
 * Adjusts next-token scores in place, one step at a time, as Hugging Face's logits processors do.
 * {@code sequences[row]} are the tokens so far, decoder start token included; {@code scores} is [rows][vocab].
 */
@FunctionalInterface
public interface LogitsProcessor {

    void process(long[][] sequences, float[][] scores);

    /**
     * Whether adding a constant to a row before this processor changes nothing after a final log-softmax: true for
     * processors that only ban tokens (set them to -inf). Beam search then normalises once instead of twice.
     */
    default boolean commutesWithNormalisation() {
        return false;
    }
}
