package dev.nlen.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlen.model.ModelFiles;
import dev.nlen.model.OnnxSeq2SeqModel;
import dev.nlen.model.Precision;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.testing.TestModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The length guard: a model that never writes eos stops at ceil(factor × source) + offset new tokens, each sentence
 * of a batch at its own cap; outputs that end on their own are exactly what they are without the guard.
 */
class LengthGuardTest {

    private static final int VOCAB = 12;

    /** Random logits with eos (id 0) out of reach: without a cap every row runs to max_length. */
    private static float[] neverEnding(long[] source, long[] prefix) {
        Random random = new Random(java.util.Arrays.hashCode(source) * 31L + java.util.Arrays.hashCode(prefix));
        float[] out = new float[VOCAB];
        for (int i = 1; i < VOCAB; i++) {
            out[i] = (float) random.nextGaussian();
        }
        out[0] = -100f;
        return out;
    }

    private static GenerationOptions options(int beams, LengthGuard guard) {
        return new GenerationOptions(beams, 200, 0, 0, 0, 1.0, EarlyStopping.FALSE, 1, 0, 1.0,
                List.of(List.of((long) VOCAB - 1)), -1, true, 0, VOCAB - 1, VOCAB - 1, List.of(0L), guard);
    }

    private static List<long[]> sources(int... lengths) {
        List<long[]> out = new ArrayList<>();
        for (int length : lengths) {
            long[] ids = new long[length];
            for (int i = 0; i < length - 1; i++) {
                ids[i] = 1 + (i * 7L + length) % (VOCAB - 2);
            }
            out.add(ids); // last id 0 = </s>
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aNeverEndingModelStopsAtEachSentencesCap(int beams) {
        LengthGuard guard = new LengthGuard(1.5, 3);
        List<long[]> batch = sources(2, 5, 9, 20);
        List<List<Hypothesis>> out = new Generator(new ScriptedModel(VOCAB, LengthGuardTest::neverEnding))
                .generate(batch, options(beams, guard), 8);
        for (int i = 0; i < batch.size(); i++) {
            int cap = (int) Math.ceil(1.5 * batch.get(i).length) + 3;
            assertEquals(cap, out.get(i).getFirst().tokens().length, "sentence of " + batch.get(i).length);
            // the cap is per sentence: alone it stops at the same place with the same tokens and score
            Hypothesis alone = new Generator(new ScriptedModel(VOCAB, LengthGuardTest::neverEnding))
                    .generate(List.of(batch.get(i)), options(beams, guard), 1).getFirst().getFirst();
            assertArrayEquals(alone.tokens(), out.get(i).getFirst().tokens());
            assertEquals(alone.score(), out.get(i).getFirst().score(), 1e-6);
        }
        List<List<Hypothesis>> unbounded = new Generator(new ScriptedModel(VOCAB, LengthGuardTest::neverEnding))
                .generate(batch, options(beams, LengthGuard.OFF), 8);
        assertEquals(199, unbounded.getFirst().getFirst().tokens().length, "without the guard: max_length");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void outputsThatEndOnTheirOwnAreUnchanged(int beams) {
        List<long[]> batch = sources(1, 2, 3, 6, 11, 17, 30);
        ScriptedModel model = ScriptedModel.random(VOCAB, 5);
        List<List<Hypothesis>> guarded = new Generator(model).generate(batch, options(beams, LengthGuard.DEFAULT), 4);
        List<List<Hypothesis>> free = new Generator(model).generate(batch, options(beams, LengthGuard.OFF), 4);
        for (int i = 0; i < batch.size(); i++) {
            assertTrue(free.get(i).getFirst().tokens().length < batch.get(i).length * 3 + 10, "a normal output");
            assertArrayEquals(free.get(i).getFirst().tokens(), guarded.get(i).getFirst().tokens());
            assertEquals(free.get(i).getFirst().score(), guarded.get(i).getFirst().score(), 0.0);
        }
    }

    @Test
    void minNewTokensMaxNewTokensAndMaxLengthWinOverTheCap() {
        GenerationOptions forced = options(1, LengthGuard.DEFAULT).withMaxNewTokens(32).withMinNewTokens(32);
        assertEquals(33, forced.maxLengthFor(2), "min_new_tokens 32 asked for: not cut at 3 × 2 + 10");
        assertEquals(17, options(1, LengthGuard.DEFAULT).maxLengthFor(2), "16 new tokens + the start");
        assertEquals(200, options(1, LengthGuard.DEFAULT).maxLengthFor(100), "max_length is the ceiling");
        assertEquals(200, options(1, LengthGuard.OFF).maxLengthFor(2));
        assertEquals(41, options(1, LengthGuard.DEFAULT).withMaxNewTokens(40).maxLengthFor(2),
                "an explicit max_new_tokens is honoured, not cut at 3 × 2 + 10");
        Hypothesis h = new Generator(new ScriptedModel(VOCAB, LengthGuardTest::neverEnding))
                .generate(sources(2), forced, 1).getFirst().getFirst();
        assertEquals(32, h.tokens().length);
    }

    @Test
    void theReaderGivesNoGuardAndWithersKeepOne() throws Exception {
        GenerationOptions read = GenerationConfigReader.read(TestModels.TINY_DICT.resolve("generation_config.json"));
        assertEquals(LengthGuard.OFF, read.lengthGuard(), "the file's own semantics: Hugging Face generate's");
        GenerationOptions guarded = read.withLengthGuard(LengthGuard.DEFAULT);
        assertEquals(LengthGuard.DEFAULT, guarded.withNumBeams(2).withMaxNewTokens(5).withMinNewTokens(1)
                .withNumReturnSequences(1).withPenalties(1.0, 1.0, 0).lengthGuard());
        assertThrows(IllegalArgumentException.class, () -> new LengthGuard(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LengthGuard(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new LengthGuard(2, -1));
    }

    /** The random-weight ONNX stand-in: greedy and beam 4 outputs with the default guard equal those without. */
    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void theRandomStandInDecodesAsWithoutTheGuard(int beams) {
        ModelFiles files = ModelFiles.resolve(TestModels.TINY_RANDOM, Precision.FP32, null);
        try (OnnxSeq2SeqModel model = OnnxSeq2SeqModel.load(files, RuntimeOptions.cpu())) {
            GenerationOptions defaults = GenerationConfigReader.read(files.generationConfigJson().orElseThrow())
                    .withNumBeams(beams);
            Random random = new Random(11);
            List<long[]> batch = new ArrayList<>();
            for (int length : new int[] {1, 2, 4, 8, 16, 29, 40}) {
                long[] ids = new long[length];
                for (int i = 0; i < length - 1; i++) {
                    ids[i] = 2 + random.nextInt(model.config().vocabSize() - 3);
                }
                batch.add(ids);
            }
            List<List<Hypothesis>> guarded = new Generator(model)
                    .generate(batch, defaults.withLengthGuard(LengthGuard.DEFAULT), 4);
            List<List<Hypothesis>> free = new Generator(model)
                    .generate(batch, defaults.withLengthGuard(LengthGuard.OFF), 4);
            for (int i = 0; i < batch.size(); i++) {
                assertArrayEquals(free.get(i).getFirst().tokens(), guarded.get(i).getFirst().tokens(),
                        "source of " + batch.get(i).length);
            }
        }
    }
}
