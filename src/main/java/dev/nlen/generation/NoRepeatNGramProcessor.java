package dev.nlen.generation;

import java.util.Arrays;

/** {@code no_repeat_ngram_size}: a token that would complete an n-gram already in the sequence is banned. */
record NoRepeatNGramProcessor(int n) implements LogitsProcessor {

    @Override
    public void process(long[][] sequences, float[][] scores) {
        for (int row = 0; row < scores.length; row++) {
            long[] seq = sequences[row];
            int length = seq.length;
            if (length + 1 < n) {
                continue;
            }
            long[] prefix = Arrays.copyOfRange(seq, length - n + 1, length); // the n-1 tokens a new n-gram starts with
            for (int start = 0; start + n <= length; start++) {
                if (Arrays.equals(seq, start, start + n - 1, prefix, 0, n - 1)) {
                    scores[row][(int) seq[start + n - 1]] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }

    @Override
    public boolean commutesWithNormalisation() {
        return true; // only bans tokens
    }
}
