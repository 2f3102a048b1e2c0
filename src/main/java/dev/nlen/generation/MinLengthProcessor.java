package dev.nlen.generation;

/**
 * {@code min_length} / {@code min_new_tokens}: eos is banned while the sequence is shorter than
 * {@code minSequenceLength} (decoder start token included).
 */
record MinLengthProcessor(int minSequenceLength, long eosTokenId) implements LogitsProcessor {

    @Override
    public void process(long[][] sequences, float[][] scores) {
        for (int row = 0; row < scores.length; row++) {
            if (sequences[row].length < minSequenceLength) {
                scores[row][(int) eosTokenId] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    @Override
    public long[] tokensBannedAt(int sequenceLength) {
        return sequenceLength < minSequenceLength ? new long[] {eosTokenId} : new long[0];
    }

    @Override
    public boolean commutesWithNormalisation() {
        return true; // only bans tokens
    }
}
