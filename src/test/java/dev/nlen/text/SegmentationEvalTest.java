package dev.nlen.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The annotated corpus: on each folder the project's splitter scores at least as well as both baselines. */
class SegmentationEvalTest {

    private static final Path CORPUS = Path.of("src/test/resources/segmentation/eval");

    @ParameterizedTest
    @ValueSource(strings = {"news", "encyclopedia"})
    void ourSplitterIsAtLeastAsGoodAsIcuAndTheNaiveRegex(String folder) {
        List<SegmentationEval.Paragraph> paragraphs = SegmentationEval.readFolder(CORPUS.resolve(folder));
        int boundaries = paragraphs.stream().mapToInt(p -> p.boundaries().size()).sum();
        assertTrue(boundaries >= 150, folder + " has only " + boundaries + " boundaries");

        Map<String, Function<String, Set<Integer>>> splitters = SegmentationEval.splitters();
        SegmentationEval.Score ours = SegmentationEval.score(paragraphs, splitters.get("nlen"));
        for (String baseline : List.of("icu4j", "regex")) {
            SegmentationEval.Score other = SegmentationEval.score(paragraphs, splitters.get(baseline));
            assertTrue(ours.f1() >= other.f1(), () -> folder + ": F1 " + ours.f1() + " < " + baseline + " "
                    + other.f1() + "; errors " + ours.errors());
        }
    }
}
