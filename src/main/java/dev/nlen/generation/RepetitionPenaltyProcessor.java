package dev.nlen.generation;

/** {@code repetition_penalty}: tokens already in the sequence lose score (divided if positive, multiplied if not). */
record RepetitionPenaltyProcessor(double penalty) implements LogitsProcessor {

    @Override
    public void process(long[][] sequences, float[][] scores) {
        for (int row = 0; row < scores.length; row++) {
            float[] s = scores[row];
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (long token : sequences[row]) {
                if (seen.add(token)) {
                    int t = (int) token;
                    s[t] = s[t] < 0 ? (float) (s[t] * penalty) : (float) (s[t] / penalty);
                }
            }
        }
    }
}
