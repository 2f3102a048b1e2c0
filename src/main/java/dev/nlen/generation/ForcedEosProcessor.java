package dev.nlen.generation;

import java.util.Arrays;

/** {@code forced_eos_token_id}: the last position allowed by {@code max_length} can only be eos. */
record ForcedEosProcessor(int maxLength, long eosTokenId) implements LogitsProcessor {

    @Override
    public void process(long[][] sequences, float[][] scores) {
        for (int row = 0; row < scores.length; row++) {
            if (sequences[row].length == maxLength - 1) {
                Arrays.fill(scores[row], Float.NEGATIVE_INFINITY);
                scores[row][(int) eosTokenId] = 0f;
            }
        }
    }

    /** The forced step sets eos to 0 rather than banning: that one step takes the logits path. */
    @Override
    public long[] tokensBannedAt(int sequenceLength) {
        return sequenceLength == maxLength - 1 ? null : new long[0];
    }

    @Override
    public boolean commutesWithNormalisation() {
        return true; // only bans tokens
    }
}
