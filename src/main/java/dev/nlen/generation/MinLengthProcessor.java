package dev.nlen.generation;

import java.util.List;

/**
 * {@code min_length} / {@code min_new_tokens}: eos is banned while the sequence is shorter than
 * {@code minSequenceLength} (decoder start token included); every eos id when there are several.
 */
record MinLengthProcessor(int minSequenceLength, List<Long> eosTokenIds) implements LogitsProcessor {

    MinLengthProcessor(int minSequenceLength, long eosTokenId) {
        this(minSequenceLength, List.of(eosTokenId));
    }

    @Override
    public void process(long[][] sequences, float[][] scores) {
        for (int row = 0; row < scores.length; row++) {
            if (sequences[row].length < minSequenceLength) {
                for (long eos : eosTokenIds) {
                    scores[row][(int) eos] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }

    @Override
    public long[] tokensBannedAt(int sequenceLength) {
        return sequenceLength < minSequenceLength
                ? eosTokenIds.stream().mapToLong(Long::longValue).toArray() : new long[0];
    }

    @Override
    public boolean commutesWithNormalisation() {
        return true; // only bans tokens
    }
}
