package dev.nlen.generation;

/**
 * Numerically stable log-softmax over each row, in place. Also the {@code renormalize_logits} processor. With the
 * real vocabulary (67k) and beams this is the Java side's main cost, so large batches spread rows over the cores
 * (ONNX Runtime's threads are idle meanwhile), and exponentials too small to change a float sum are skipped.
 */
final class LogSoftmax implements LogitsProcessor {

    static final LogSoftmax INSTANCE = new LogSoftmax();

    /** Below max - 40 a term is under 4e-18 of the sum: no float32 result can change. */
    private static final float NEGLIGIBLE = -40f;

    /** Row work (rows × vocabulary) above which rows are normalised in parallel. */
    private static final long PARALLEL_THRESHOLD = 1L << 20;

    private LogSoftmax() {
    }

    @Override
    public void process(long[][] sequences, float[][] scores) {
        applyAll(scores);
    }

    static void applyAll(float[][] scores) {
        long work = scores.length == 0 ? 0 : (long) scores.length * scores[0].length;
        if (scores.length > 1 && work > PARALLEL_THRESHOLD) {
            java.util.Arrays.stream(scores).parallel().forEach(LogSoftmax::apply);
        } else {
            for (float[] row : scores) {
                apply(row);
            }
        }
    }

    static void apply(float[] row) {
        float logSum = logSumExp(row);
        if (logSum == Float.NEGATIVE_INFINITY) {
            return; // every token banned: nothing to normalise
        }
        for (int i = 0; i < row.length; i++) {
            row[i] -= logSum;
        }
    }

    /** {@code apply(row.clone())[token]}, bit for bit, without the copy. */
    static float at(float[] row, int token) {
        float logSum = logSumExp(row);
        return logSum == Float.NEGATIVE_INFINITY ? row[token] : row[token] - logSum;
    }

    /** The row's log-sum-exp as {@link #apply} subtracts it; -inf when every token is banned. */
    private static float logSumExp(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (float v : row) {
            float shifted = v - max;
            if (shifted > NEGLIGIBLE) {
                sum += Math.exp(shifted);
            }
        }
        return (float) (max + Math.log(sum));
    }

    /** Renormalising is part of the runtime ranking itself. */
    @Override
    public long[] tokensBannedAt(int sequenceLength) {
        return new long[0];
    }

    @Override
    public boolean commutesWithNormalisation() {
        return true;
    }
}
