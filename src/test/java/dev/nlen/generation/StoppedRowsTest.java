package dev.nlen.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sentence whose request went away leaves the running batch at the next step: the model is no longer fed its rows,
 * and the sentences decoded with it get exactly what they would have got alone.
 */
class StoppedRowsTest {

    private static final int VOCAB = 6;
    private static final long[] ABANDONED = {1, 0};
    private static final long[] KEPT = {2, 3, 0};

    /** Never picks eos (id 0), so without a stop every row runs to maxLength. */
    private static float[] neverEnding(long[] source, long[] prefix) {
        float[] out = new float[VOCAB];
        out[0] = -20f;
        out[1 + (int) ((prefix.length + source.length) % (VOCAB - 2))] = 2f;
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aStoppedSentenceIsNoLongerDecodedAndTheOthersAreUnchanged(int beams) {
        AtomicInteger abandonedCalls = new AtomicInteger();
        ScriptedModel model = new ScriptedModel(VOCAB, (source, prefix) -> {
            if (Arrays.equals(source, ABANDONED)) {
                abandonedCalls.incrementAndGet();
            }
            return neverEnding(source, prefix);
        });
        GenerationOptions options = new GenerationOptions(beams, 40, 0, 0, 0, 1.0, EarlyStopping.FALSE, 1, 0, 1.0,
                List.of(List.of((long) VOCAB - 1)), 0, true, 0, VOCAB - 1, VOCAB - 1);
        // stopped once the model has taken three steps: as a cancellation seen between steps
        List<List<Hypothesis>> out = new Generator(model).generate(List.of(ABANDONED, KEPT), options, 8,
                sentence -> sentence == 0 && model.steps >= 3);

        assertEquals(List.of(), out.get(0));
        assertEquals(3 * beams, abandonedCalls.get(), "the abandoned rows were fed after the stop");
        List<Hypothesis> alone = new Generator(new ScriptedModel(VOCAB, StoppedRowsTest::neverEnding))
                .generate(List.of(KEPT), options, 8).get(0);
        assertArrayEquals(alone.getFirst().tokens(), out.get(1).getFirst().tokens());
        assertEquals(alone.getFirst().score(), out.get(1).getFirst().score(), 1e-6);
        assertTrue(model.steps > 30, "the kept sentence ran to its length: " + model.steps);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aBatchNobodyWaitsForIsNotEvenEncoded(int beams) {
        ScriptedModel model = new ScriptedModel(VOCAB, StoppedRowsTest::neverEnding);
        GenerationOptions options = new GenerationOptions(beams, 40, 0, 0, 0, 1.0, EarlyStopping.FALSE, 1, 0, 1.0,
                List.of(List.of((long) VOCAB - 1)), 0, true, 0, VOCAB - 1, VOCAB - 1);
        List<List<Hypothesis>> out = new Generator(model).generate(List.of(ABANDONED, KEPT), options, 8, s -> true);
        assertEquals(List.of(List.of(), List.of()), out);
        assertEquals(0, model.steps);
    }
}
