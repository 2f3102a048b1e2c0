package dev.nlen.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlen.model.DecoderSession;
import dev.nlen.model.ForwardingDecoderSession;
import dev.nlen.model.EncodedBatch;
import dev.nlen.model.ModelConfig;
import dev.nlen.model.ModelFiles;
import dev.nlen.model.OnnxSeq2SeqModel;
import dev.nlen.model.Precision;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.model.Seq2SeqModel;
import dev.nlen.model.TopCandidates;
import dev.nlen.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ranking a step inside ONNX Runtime (bans, log-softmax, beam scores, top-k) picks exactly the candidates the Java
 * path picks from the full logits, on the random-weight stand-ins: the same rows and tokens, scores equal to float
 * rounding, and so the same generated ids.
 */
class RuntimeRankingTest {

    static Stream<Arguments> models() {
        List<Arguments> out = new ArrayList<>();
        for (Path dir : List.of(TestModels.TINY_RANDOM, TestModels.TINY_DICT, TestModels.SHARED_HF)) {
            if (!Files.isDirectory(dir)) {
                System.out.println("skipped: " + dir.toAbsolutePath().normalize() + " is absent");
                continue;
            }
            for (Precision precision : Precision.values()) {
                out.add(Arguments.of(dir, precision));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void rankedCandidatesEqualJavaCandidates(Path dir, Precision precision) {
        try (OnnxSeq2SeqModel model = load(dir, precision)) {
            if (model == null) {
                return;
            }
            ModelConfig config = model.config();
            int beams = 3;
            long[][] unpadded = sources(config, 2, new Random(7));
            long[][] ids = padded(unpadded, config.padTokenId());
            long[][] mask = masks(unpadded, ids[0].length);
            int[] expand = {0, 0, 0, 1, 1, 1};
            Random random = new Random(11);
            for (boolean normaliseAfterBans : new boolean[] {true, false}) {
                try (DecoderSession logitsPath = model.startDecoding(model.encode(ids, mask));
                     DecoderSession ranked = model.startDecoding(model.encode(ids, mask))) {
                    logitsPath.selectRows(expand);
                    ranked.selectRows(expand);
                    long[] tokens = new long[expand.length];
                    Arrays.fill(tokens, config.decoderStartTokenId());
                    for (int step = 0; step < 6; step++) {
                        float[] beamScores = new float[expand.length];
                        for (int row = 0; row < beamScores.length; row++) {
                            beamScores[row] = step == 0 && row % beams != 0 ? -1e9f : (float) -random.nextDouble(4);
                        }
                        long[] banned = {config.padTokenId(), step < 2 ? config.eosTokenId() : config.padTokenId()};
                        banned = Arrays.stream(banned).distinct().sorted().toArray();
                        float[][] logits = logitsPath.step(tokens);
                        if (!normaliseAfterBans) {
                            LogSoftmax.applyAll(logits);
                        }
                        for (float[] row : logits) {
                            for (long id : banned) {
                                row[(int) id] = Float.NEGATIVE_INFINITY;
                            }
                        }
                        if (normaliseAfterBans) {
                            LogSoftmax.applyAll(logits);
                        }
                        TopCandidates top = ranked.stepRanked(tokens, banned, normaliseAfterBans, beamScores, beams,
                                2 * beams);
                        for (int sentence = 0; sentence < 2; sentence++) {
                            Candidates expected = Candidates.best(logits, beamScores, sentence * beams, beams,
                                    2 * beams);
                            Candidates actual = Candidates.of(top, sentence);
                            assertEquals(expected.size(), actual.size());
                            for (int rank = 0; rank < expected.size(); rank++) {
                                String where = dir + " " + precision + " step " + step + " sentence " + sentence
                                        + " rank " + rank;
                                assertEquals(expected.row(rank), actual.row(rank), where);
                                assertEquals(expected.token(rank), actual.token(rank), where);
                                assertEquals(expected.score(rank), actual.score(rank), 1e-5f, where);
                            }
                        }
                        int[] parents = new int[expand.length];
                        for (int sentence = 0; sentence < 2; sentence++) {
                            Candidates c = Candidates.of(top, sentence);
                            for (int k = 0; k < beams; k++) {
                                parents[sentence * beams + k] = c.row(k);
                                tokens[sentence * beams + k] = c.token(k);
                            }
                        }
                        logitsPath.reorderBeams(parents);
                        ranked.reorderBeams(parents);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void rankedSearchGeneratesTheSameIds(Path dir, Precision precision) {
        try (OnnxSeq2SeqModel model = load(dir, precision)) {
            if (model == null) {
                return;
            }
            GenerationOptions defaults = GenerationConfigReader.read(dir.resolve("generation_config.json"))
                    .withMaxNewTokens(24);
            List<long[]> sources = List.of(sources(model.config(), 6, new Random(3)));
            List<GenerationOptions> settings = List.of(defaults.withNumBeams(1), defaults.withNumBeams(4),
                    defaults.withNumBeams(4).withMinNewTokens(5), defaults.withNumBeams(2).withNumReturnSequences(2));
            for (GenerationOptions options : settings) {
                List<List<Hypothesis>> ranked = new Generator(model).generate(sources, options, 4);
                List<List<Hypothesis>> logitsPath = new Generator(new LogitsOnly(model)).generate(sources, options, 4);
                for (int i = 0; i < sources.size(); i++) {
                    assertEquals(logitsPath.get(i).size(), ranked.get(i).size());
                    for (int n = 0; n < logitsPath.get(i).size(); n++) {
                        String where = dir + " " + precision + " beams " + options.numBeams() + " sentence " + i;
                        assertArrayEquals(logitsPath.get(i).get(n).tokens(), ranked.get(i).get(n).tokens(), where);
                        assertEquals(logitsPath.get(i).get(n).score(), ranked.get(i).get(n).score(), 1e-4, where);
                    }
                }
            }
        }
    }

    private static OnnxSeq2SeqModel load(Path dir, Precision precision) {
        try {
            return OnnxSeq2SeqModel.load(ModelFiles.resolve(dir, precision, null), RuntimeOptions.cpu());
        } catch (RuntimeException e) {
            if (precision == Precision.INT8) {
                System.out.println("skipped: " + dir + " has no int8 files (" + e.getMessage() + ")");
                return null;
            }
            throw e;
        }
    }

    private static long[][] sources(ModelConfig config, int count, Random random) {
        long[][] out = new long[count][];
        for (int i = 0; i < count; i++) {
            out[i] = new long[3 + random.nextInt(6)];
            for (int j = 0; j < out[i].length - 1; j++) {
                out[i][j] = 1 + random.nextInt(config.vocabSize() - 2);
            }
            out[i][out[i].length - 1] = config.eosTokenId();
        }
        return out;
    }

    /** One batch padded to the longest source. */
    private static long[][] padded(long[][] sources, long pad) {
        int width = Arrays.stream(sources).mapToInt(s -> s.length).max().orElseThrow();
        long[][] out = new long[sources.length][];
        for (int i = 0; i < sources.length; i++) {
            out[i] = Arrays.copyOf(sources[i], width);
            Arrays.fill(out[i], sources[i].length, width, pad);
        }
        return out;
    }

    private static long[][] masks(long[][] sources, int width) {
        long[][] mask = new long[sources.length][width];
        for (int i = 0; i < sources.length; i++) {
            Arrays.fill(mask[i], 0, sources[i].length, 1L);
        }
        return mask;
    }

    /** The same model with its sessions handing out logits only: the Java ranking path. */
    private record LogitsOnly(Seq2SeqModel model) implements Seq2SeqModel {
        @Override
        public ModelConfig config() {
            return model.config();
        }

        @Override
        public EncodedBatch encode(long[][] inputIds, long[][] attentionMask) {
            return model.encode(inputIds, attentionMask);
        }

        @Override
        public DecoderSession startDecoding(EncodedBatch encoded) {
            // everything passed on but the in-runtime ranking: the searches take the Java path
            return new ForwardingDecoderSession(model.startDecoding(encoded)) {
                @Override
                public boolean ranksInRuntime() {
                    return false;
                }
            };
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
