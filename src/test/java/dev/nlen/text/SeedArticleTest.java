package dev.nlen.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared seed article (a NU.nl-style news story, 18 blocks, no hard wraps, no final newline). */
class SeedArticleTest {

    private static final Path SEED = Path.of("../shared/seed/article-nl.txt");
    private static String seed;
    private final ArticleSegmenter segmenter = new ArticleSegmenter();

    @BeforeAll
    static void readSeed() throws IOException {
        assumeTrue(Files.isReadable(SEED), "seed article absent at " + SEED.toAbsolutePath() + "; skipping");
        seed = Files.readString(SEED);
    }

    @Test
    void hasEighteenParagraphsOfWhichThreeAreHeadings() {
        SegmentedArticle article = segmenter.segment(seed);

        assertEquals(18, article.paragraphs().size());
        List<Integer> headings = IntStream.range(0, 18)
                .filter(i -> article.paragraphs().get(i).kind() == Paragraph.Kind.HEADING).boxed().toList();
        assertEquals(List.of(6, 10, 13), headings);
        assertEquals("'Noord-Korea wilde niet genoeg stappen zetten'", article.paragraphs().get(6).text(seed));
        assertEquals(34, article.sentenceCount());
        assertEquals(List.of(2, 3, 2, 1, 1, 2, 1, 1, 2, 4, 1, 2, 2, 1, 3, 1, 3, 2),
                article.paragraphs().stream().map(p -> p.sentences().size()).toList());
    }

    @Test
    void keepsTimesAndQuotedSentencesWhole() {
        List<String> sentences = segmenter.segment(seed).sentences().stream().map(s -> s.text(seed)).toList();

        assertEquals("Kim verliet het Metropole-hotel, waar de besprekingen werden gehouden, "
                + "rond 7.30 uur Nederlandse tijd.", sentences.get(3));
        assertEquals("Ik ben heel optimistisch over de vorderingen.\"", sentences.get(18));
    }

    @Test
    void offsetsRebuildTheArticle() {
        SegmentationInvariants.assertExact(segmenter.segment(seed));
    }

    @Test
    void crLfAndCrGiveTheSameStructure() {
        SegmentedArticle lf = segmenter.segment(seed);
        for (String newline : List.of("\r\n", "\r")) {
            String variant = seed.replace("\n", newline);
            SegmentedArticle other = segmenter.segment(variant);
            SegmentationInvariants.assertExact(other);
            assertEquals(SegmentationInvariants.structure(lf), SegmentationInvariants.structure(other));
        }
    }

    @Test
    void oneSegmenterServesManyThreads() {
        List<String> expected = SegmentationInvariants.structure(segmenter.segment(seed));
        List<List<String>> results = IntStream.range(0, 64).parallel()
                .mapToObj(i -> SegmentationInvariants.structure(segmenter.segment(seed))).toList();
        results.forEach(result -> assertEquals(expected, result));
    }

    @Test
    void aBomAndATrailingNewlineChangeNothingButOffsets() {
        SegmentedArticle plain = segmenter.segment(seed);
        SegmentedArticle bom = segmenter.segment("\uFEFF" + seed + "\n");
        SegmentationInvariants.assertExact(bom);
        assertEquals(SegmentationInvariants.structure(plain), SegmentationInvariants.structure(bom));
        assertEquals(plain.paragraphs().getFirst().start() + 1, bom.paragraphs().getFirst().start());
    }
}
