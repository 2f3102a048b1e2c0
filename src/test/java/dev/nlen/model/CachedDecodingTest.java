package dev.nlen.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlen.testing.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The KV cache is an optimisation only: cached step logits equal the uncached full-prefix logits. */
class CachedDecodingTest {

    private static final float TOLERANCE = 1e-4f;


    @ParameterizedTest
    @EnumSource(DecoderLayout.class)
    void cachedStepsEqualUncachedPrefixes(DecoderLayout layout) {
        Path dir = TestModels.sharedHf();
        try (OnnxSeq2SeqModel model = OnnxSeq2SeqModel.load(ModelFiles.resolve(dir, Precision.FP32, layout),
                RuntimeOptions.cpu())) {
            long start = model.config().decoderStartTokenId();
            long[][] ids = {{5, 17, 42, 99, 3, 0}, {7, 8, 0, start, start, start}};
            long[][] mask = {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 0, 0, 0}};
            EncodedBatch reference = model.encode(ids, mask);
            try (DecoderSession session = model.startDecoding(model.encode(ids, mask))) {
                List<long[]> prefixes = new ArrayList<>(List.of(new long[] {start}, new long[] {start}));
                long[] next = {start, start};
                for (int step = 0; step < 8; step++) {
                    float[][] cached = session.step(next);
                    float[][] uncached = model.uncachedLogits(reference, prefixes.toArray(long[][]::new));
                    for (int row = 0; row < 2; row++) {
                        assertArrayEquals(uncached[row], cached[row], TOLERANCE, "step " + step + " row " + row);
                        next[row] = argmax(cached[row]);
                        long[] grown = Arrays.copyOf(prefixes.get(row), prefixes.get(row).length + 1);
                        grown[grown.length - 1] = next[row];
                        prefixes.set(row, grown);
                    }
                }
            }
            reference.close();
        }
    }

    @Test
    void mergedAndSplitDecodersGiveTheSameLogits() {
        Path dir = TestModels.sharedHf();
        float[][][] merged = firstSteps(dir, DecoderLayout.MERGED);
        float[][][] split = firstSteps(dir, DecoderLayout.SPLIT);
        for (int step = 0; step < merged.length; step++) {
            assertArrayEquals(split[step][0], merged[step][0], TOLERANCE, "step " + step);
        }
    }

    @Test
    void selectRowsExpandsAndReorderKeepsRowsApart() {
        Path dir = TestModels.sharedHf();
        try (OnnxSeq2SeqModel model = OnnxSeq2SeqModel.load(ModelFiles.resolve(dir, null, null), RuntimeOptions.cpu())) {
            long start = model.config().decoderStartTokenId();
            long[][] ids = {{5, 17, 0}, {9, 0, start}};
            long[][] mask = {{1, 1, 1}, {1, 1, 0}};
            try (DecoderSession one = model.startDecoding(model.encode(ids, mask));
                 DecoderSession expanded = model.startDecoding(model.encode(ids, mask))) {
                expanded.selectRows(new int[] {1, 1, 0});
                assertEquals(3, expanded.rows());
                float[][] a = one.step(new long[] {start, start});
                float[][] b = expanded.step(new long[] {start, start, start});
                assertArrayEquals(a[1], b[0], TOLERANCE);
                assertArrayEquals(a[0], b[2], TOLERANCE);
                // row 0 and 1 decode the same source: swap their continuations, then drop the first sentence
                float[][] a2 = one.step(new long[] {4, 6});
                expanded.reorderBeams(new int[] {1, 0, 2});
                float[][] b2 = expanded.step(new long[] {6, 6, 4});
                assertArrayEquals(a2[0], b2[2], TOLERANCE);
                assertArrayEquals(a2[1], b2[0], TOLERANCE);
                expanded.selectRows(new int[] {2});
                one.selectRows(new int[] {0});
                assertArrayEquals(one.step(new long[] {11})[0], expanded.step(new long[] {11})[0], TOLERANCE);
            }
        }
    }

    private static float[][][] firstSteps(Path dir, DecoderLayout layout) {
        try (OnnxSeq2SeqModel model = OnnxSeq2SeqModel.load(ModelFiles.resolve(dir, Precision.FP32, layout),
                RuntimeOptions.cpu());
             DecoderSession session = model.startDecoding(model.encode(new long[][] {{5, 17, 42, 0}},
                     new long[][] {{1, 1, 1, 1}}))) {
            long token = model.config().decoderStartTokenId();
            float[][][] out = new float[4][][];
            for (int step = 0; step < out.length; step++) {
                // a step's rows are valid until the next step: keep a copy
                out[step] = Arrays.stream(session.step(new long[] {token})).map(float[]::clone).toArray(float[][]::new);
                token = argmax(out[step][0]);
            }
            return out;
        }
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
