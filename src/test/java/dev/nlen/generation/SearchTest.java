package dev.nlen.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Greedy and beam search on a scripted model: exact small cases and invariants. */
class SearchTest {

    private static final int VOCAB = 12;

    static GenerationOptions options(int beams, int maxLength) {
        return new GenerationOptions(beams, maxLength, 0, 0, 0, 1.0, EarlyStopping.FALSE, 1, 0, 1.0,
                List.of(List.of((long) VOCAB - 1)), 0, true, 0, VOCAB - 1, VOCAB - 1);
    }

    static List<long[]> sources(int count, long seed) {
        Random random = new Random(seed);
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long[] s = new long[1 + random.nextInt(7)];
            for (int j = 0; j < s.length - 1; j++) {
                s[j] = 1 + random.nextInt(VOCAB - 2);
            }
            out.add(s); // last id stays 0: eos
        }
        return out;
    }

    /** Step 1: "a" (p .5) beats "b" (p .4); after "a" nothing is sure, after "b" eos is: beam 2 finds "b </s>". */
    @Test
    void beamSearchFindsTheSequenceGreedyMisses() {
        float[] first = probabilities(0.05, 0.5, 0.4, 0.05);
        float[] afterA = probabilities(0.3, 0.25, 0.25, 0.2);
        float[] afterB = probabilities(0.9, 0.04, 0.03, 0.03);
        ScriptedModel model = new ScriptedModel(4, (source, prefix) -> switch (prefix.length) {
            case 1 -> first.clone();
            default -> (prefix[prefix.length - 1] == 2 ? afterB : afterA).clone();
        });
        GenerationOptions greedy = new GenerationOptions(1, 10, 0, 0, 0, 1.0, EarlyStopping.FALSE, 1, 0, 1.0,
                List.of(List.of(3L)), 0, true, 0, 3, 3);
        Hypothesis g = new Generator(model).generate(List.of(new long[] {1, 0}), greedy, 1).get(0).get(0);
        assertArrayEquals(new long[] {1, 0}, g.tokens());
        assertEquals(Math.log(0.5 / 0.95) + Math.log(0.3 / 0.8), g.score(), 1e-5);

        Hypothesis b = new Generator(model).generate(List.of(new long[] {1, 0}), greedy.withNumBeams(2), 1).get(0).get(0);
        assertArrayEquals(new long[] {2, 0}, b.tokens());
        assertEquals((Math.log(0.4 / 0.95) + Math.log(0.9 / 0.97)) / 2, b.score(), 1e-5);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void beamOfOneIsGreedy(long seed) {
        ScriptedModel model = ScriptedModel.random(VOCAB, seed);
        List<long[]> sources = sources(6, seed);
        List<List<Hypothesis>> greedy = new Generator(model).generate(sources, options(1, 30), 4);
        for (int i = 0; i < sources.size(); i++) {
            List<Hypothesis> beam = new Generator(model).generateBatch(List.of(sources.get(i)), options(1, 30)).get(0);
            List<List<Hypothesis>> viaBeam = new BeamSearch().search(
                    model.startDecoding(model.encode(new long[][] {sources.get(i)}, new long[][] {ones(sources.get(i))})),
                    options(1, 30));
            assertArrayEquals(greedy.get(i).get(0).tokens(), beam.get(0).tokens());
            Hypothesis h = viaBeam.get(0).get(0);
            assertArrayEquals(greedy.get(i).get(0).tokens(), h.tokens(), "source " + i);
            assertEquals(greedy.get(i).get(0).score(), h.score() * h.length(), 1e-4);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 6})
    void batchedEqualsOneByOne(int beams) {
        ScriptedModel model = ScriptedModel.random(VOCAB, 99);
        List<long[]> sources = sources(9, 7);
        GenerationOptions opts = options(beams, 25).withNumReturnSequences(beams);
        List<List<Hypothesis>> batched = new Generator(model).generate(sources, opts, 4);
        for (int i = 0; i < sources.size(); i++) {
            List<Hypothesis> single = new Generator(model).generate(List.of(sources.get(i)), opts, 1).get(0);
            assertEquals(single.size(), batched.get(i).size());
            for (int n = 0; n < single.size(); n++) {
                assertArrayEquals(single.get(n).tokens(), batched.get(i).get(n).tokens(), "source " + i + " best " + n);
                assertEquals(single.get(n).score(), batched.get(i).get(n).score(), 1e-6);
            }
        }
    }

    @Test
    void nBestIsSortedAndEndsWithEosOrMaxLength() {
        ScriptedModel model = ScriptedModel.random(VOCAB, 5);
        GenerationOptions opts = options(6, 12).withNumReturnSequences(6);
        for (List<Hypothesis> nBest : new Generator(model).generate(sources(8, 3), opts, 8)) {
            assertEquals(6, nBest.size());
            for (int n = 1; n < nBest.size(); n++) {
                assertTrue(nBest.get(n - 1).score() >= nBest.get(n).score(), "sorted");
            }
            for (Hypothesis h : nBest) {
                long[] t = h.tokens();
                assertTrue(t[t.length - 1] == 0 || t.length == 11, "eos or max_length");
                for (long token : t) {
                    assertTrue(token != VOCAB - 1, "pad never generated");
                }
            }
        }
    }

    @Test
    void forcedEosEndsEverySequenceAtMaxLength() {
        ScriptedModel model = new ScriptedModel(VOCAB, (s, p) -> {
            float[] out = new float[VOCAB];
            out[0] = -50f; // eos very unlikely
            out[3] = 5f;
            return out;
        });
        for (int beams : new int[] {1, 3}) {
            Hypothesis h = new Generator(model).generate(List.of(new long[] {4, 0}), options(beams, 6), 1).get(0).get(0);
            assertArrayEquals(new long[] {3, 3, 3, 3, 0}, h.tokens(), "beams " + beams);
        }
    }

    private static long[] ones(long[] source) {
        long[] m = new long[source.length];
        java.util.Arrays.fill(m, 1);
        return m;
    }

    private static float[] probabilities(double... p) {
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) Math.log(p[i]);
        }
        return out;
    }
}
