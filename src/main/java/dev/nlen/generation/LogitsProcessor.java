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

    /**
     * The ids this processor bans in every row at this step, when that is all it does (then the step can be
     * ranked inside the runtime); {@code null} when it needs the rows' logits or tokens. The sequence length
     * (decoder start included) is the same for every row of a search step.
     */
    default long[] tokensBannedAt(int sequenceLength) {
        return null;
    }
}
