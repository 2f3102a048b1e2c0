package dev.nlen.generation;

/** Numerically stable log-softmax over one row, in place. Also the {@code renormalize_logits} processor. */
final class LogSoftmax implements LogitsProcessor {

    static final LogSoftmax INSTANCE = new LogSoftmax();

    private LogSoftmax() {
    }

    @Override
    public void process(long[][] sequences, float[][] scores) {
        for (float[] row : scores) {
            apply(row);
        }
    }

    static void apply(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return; // every token banned: nothing to normalise
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        float logSum = (float) (max + Math.log(sum));
        for (int i = 0; i < row.length; i++) {
            row[i] -= logSum;
        }
    }
}
