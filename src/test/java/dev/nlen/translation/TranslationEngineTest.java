package dev.nlen.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlen.generation.GenerationOptions;
import dev.nlen.model.DecoderLayout;
import dev.nlen.model.ModelLoadException;
import dev.nlen.model.Precision;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.testing.Expected;
import dev.nlen.testing.TestModels;
import dev.nlen.tokenize.TokenizerSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine on the hand-weighted stand-in: exact translations under every precision, layout and beam width. */
class TranslationEngineTest {

    static TranslationEngine open(Path dir, Precision precision, DecoderLayout layout) {
        return TranslationEngine.open(new EngineSettings(dir, precision, layout, RuntimeOptions.cpu(),
                TokenizerSource.AUTO));
    }

    /** One batching layer: the engine decodes what it is given as one batch, not in chunks of its own. */
    @Test
    void theEngineDecodesTheBatchItIsGivenInOneSearch() {
        List<String> dutch = Expected.translations().stream().map(Expected::dutch).toList();
        try (TranslationEngine engine = open(TestModels.TINY_DICT, null, null)) {
            GenerationOptions greedy = engine.defaults().withNumBeams(1);
            long longestAlone = 0;
            for (String sentence : dutch) {
                long from = engine.decodingSteps();
                engine.translate(List.of(sentence), greedy);
                longestAlone = Math.max(longestAlone, engine.decodingSteps() - from);
            }
            long from = engine.decodingSteps();
            engine.translate(dutch, greedy);
            assertEquals(longestAlone, engine.decodingSteps() - from,
                    dutch.size() + " sentences in one batch take the steps of the longest, once");
        }
    }

    @ParameterizedTest(name = "{0} {1} beams={2}")
    @CsvSource({"FP32, SPLIT, 1", "FP32, SPLIT, 4", "FP32, MERGED, 1", "FP32, MERGED, 6", "INT8, SPLIT, 1",
        "INT8, MERGED, 6"})
    void translatesTheDictionaryExactly(Precision precision, DecoderLayout layout, int beams) {
        List<Expected> expected = Expected.translations();
        try (TranslationEngine engine = open(TestModels.TINY_DICT, precision, layout)) {
            List<SentenceTranslation> out = engine.translate(expected.stream().map(Expected::dutch).toList(),
                    engine.defaults().withNumBeams(beams));
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).first(), out.get(i).best().text(), expected.get(i).dutch());
            }
        }
    }

    @Test
    void beamSearchFindsWhatGreedyMisses() {
        List<Expected> rows = Expected.read("EXPECTED-BEAM.tsv");
        try (TranslationEngine engine = open(TestModels.TINY_DICT, null, null)) {
            List<String> dutch = rows.stream().map(Expected::dutch).toList();
            List<SentenceTranslation> greedy = engine.translate(dutch, engine.defaults().withNumBeams(1));
            List<SentenceTranslation> beam = engine.translate(dutch, engine.defaults());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(rows.get(i).english().get(0), greedy.get(i).best().text(), "greedy " + dutch.get(i));
                assertEquals(rows.get(i).english().get(1), beam.get(i).best().text(), "beam " + dutch.get(i));
            }
        }
    }

    @Test
    void idsEndWithEosAndNBestIsSorted() {
        try (TranslationEngine engine = open(TestModels.TINY_DICT, null, null)) {
            GenerationOptions options = engine.defaults().withNumReturnSequences(3);
            SentenceTranslation t = engine.translate(List.of("De kat zit op de mat."), options).getFirst();
            assertEquals(0, t.sourceIds()[t.sourceIds().length - 1], "source ends with </s>");
            long[] target = t.best().targetIds();
            assertEquals(0, target[target.length - 1], "target ends with </s>");
            assertEquals(3, t.candidates().size());
            assertTrue(t.candidates().get(0).score() >= t.candidates().get(1).score());
            assertTrue(t.candidates().get(1).score() >= t.candidates().get(2).score());
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "6"})
    void batchedEqualsOneByOneOnRandomWeights(int beams) {
        List<String> sentences = List.of("De kat zit op de mat.", "kat", "Het huis is groot en de tuin is klein.",
                "Wij zijn blij!", "Ik lees een boek en de man drinkt water.", "");
        try (TranslationEngine batched = open(TestModels.TINY_RANDOM, null, null);
             TranslationEngine single = open(TestModels.TINY_RANDOM, null, null)) {
            GenerationOptions options = batched.defaults().withNumBeams(beams).withMaxNewTokens(40);
            List<SentenceTranslation> all = batched.translate(sentences, options);
            for (int i = 0; i < sentences.size(); i++) {
                SentenceTranslation one = single.translate(List.of(sentences.get(i)), options).getFirst();
                assertArrayEquals(one.best().targetIds(), all.get(i).best().targetIds(), sentences.get(i));
                assertEquals(one.best().score(), all.get(i).best().score(), 1e-4);
            }
        }
    }

    @Test
    void mergedEqualsSplitAndInt8RunsOnRandomWeights() {
        List<String> sentences = List.of("De kat zit op de mat.", "Het huis is oud.");
        try (TranslationEngine split = open(TestModels.TINY_RANDOM, Precision.FP32, DecoderLayout.SPLIT);
             TranslationEngine merged = open(TestModels.TINY_RANDOM, Precision.FP32, DecoderLayout.MERGED);
             TranslationEngine int8 = open(TestModels.TINY_RANDOM, Precision.INT8, DecoderLayout.MERGED)) {
            GenerationOptions options = split.defaults().withNumBeams(4).withMaxNewTokens(30);
            List<SentenceTranslation> a = split.translate(sentences, options);
            List<SentenceTranslation> b = merged.translate(sentences, options);
            for (int i = 0; i < sentences.size(); i++) {
                assertArrayEquals(a.get(i).best().targetIds(), b.get(i).best().targetIds());
            }
            assertEquals("int8", int8.info().precision());
            assertEquals(2, int8.translate(sentences, options).size());
        }
    }

    @Test
    void refusesASentenceOverThePositionLimit() {
        try (TranslationEngine engine = open(TestModels.TINY_DICT, null, null)) {
            long[] tooLong = new long[engine.maxSourceTokens() + 1];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> engine.translateIds(List.of(tooLong), engine.defaults()));
            assertTrue(e.getMessage().contains("at most " + engine.maxSourceTokens()), e.getMessage());
        }
    }

    @Test
    void aFolderWithoutGraphsIsOneClearError(@TempDir Path dir) throws Exception {
        for (String file : List.of("config.json", "generation_config.json", "vocab.json", "source.spm",
                "target.spm", "tokenizer_config.json")) {
            Files.copy(TestModels.TINY_DICT.resolve(file), dir.resolve(file));
        }
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> open(dir, null, null));
        assertTrue(e.getMessage().contains("onnx"), e.getMessage());
    }

    @Test
    void aVocabularyMismatchNamesBothSizes(@TempDir Path dir) throws Exception {
        copyTree(TestModels.TINY_DICT, dir);
        Path config = dir.resolve("config.json");
        Files.writeString(config, Files.readString(config).replaceAll("\"vocab_size\": \\d+", "\"vocab_size\": 999")
                .replaceAll("\"decoder_vocab_size\": \\d+", "\"decoder_vocab_size\": 999"));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> open(dir, null, null));
        assertTrue(e.getMessage().contains("999"), e.getMessage());
    }

    @Test
    void aGraphWithTheWrongContractIsNamed(@TempDir Path dir) throws Exception {
        copyTree(TestModels.TINY_DICT, dir);
        Files.copy(dir.resolve("onnx/decoder_model.onnx"), dir.resolve("onnx/encoder_model.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> open(dir, Precision.FP32, DecoderLayout.SPLIT));
        assertTrue(e.getMessage().contains("encoder_model.onnx") && e.getMessage().contains("inputs"), e.getMessage());
    }

    @Test
    void loadsTheHuggingFaceExportedStandIn() {
        Path dir = TestModels.sharedHf();
        try (TranslationEngine engine = open(dir, null, null)) {
            SentenceTranslation t = engine.translate(List.of("Een lunch tussen de twee leiders werd afgelast."),
                    engine.defaults().withNumBeams(2).withMaxNewTokens(10)).getFirst();
            assertTrue(t.best().targetIds().length <= 10);
            assertEquals("Helsinki-NLP/opus-mt-nl-en", engine.info().id());
        }
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
