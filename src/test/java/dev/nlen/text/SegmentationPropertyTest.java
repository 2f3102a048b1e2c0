package dev.nlen.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and adversarial inputs: the invariants hold for all of them. */
class SegmentationPropertyTest {

    private static final List<String> PIECES = List.of(
            "Het", "kabinet", "is", "gevallen", "de", "VS", "Kim", "dhr.", "mevr.", "o.a.", "bijv.", "Jan.", "jan.",
            "K.", "J.P.", "N.V.", "enz.", "a.s.", "u.", "7.30", "uur", "1,2", "mld.", "2019.", "'s", "'t",
            ".", ". ", "? ", "! ", "...", "…", "\"", "„", "”", "‘", "’", "(", ")", ",", ";", ":", " – ",
            "😀", "👍🏽", "🇳🇱", "e\u0301", "\u00A0", "\t", " ", "  ", "- ", "* ", "1. ", "2) ", "# ", "## ", "#",
            "\uFEFF", "\u2028", "\u0000", "\u001F");
    private static final List<String> NEWLINES = List.of("\n", "\n\n", "\n \n", "\r\n", "\r\n\r\n", "\r", "\r\r");

    private final ArticleSegmenter segmenter = new ArticleSegmenter();

    @Test
    void randomArticlesAreRebuiltExactly() {
        Random random = new Random(20_190_228);
        for (int run = 0; run < 3_000; run++) {
            String text = randomArticle(random, NEWLINES);
            try {
                SegmentationInvariants.assertExact(segmenter.segment(text));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("run " + run + " input " + escape(text), e);
            }
        }
    }

    @Test
    void randomCodePointsIncludingLoneSurrogatesAreRebuiltExactly() {
        Random random = new Random(42);
        for (int run = 0; run < 1_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                int cp = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(Character.MAX_CODE_POINT + 1);
                text.appendCodePoint(cp);
            }
            String input = text.toString();
            try {
                SegmentationInvariants.assertExact(segmenter.segment(input));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("run " + run + " input " + escape(input), e);
            }
        }
    }

    @Test
    void theNewlineConventionDoesNotChangeTheStructure() {
        Random random = new Random(7);
        for (int run = 0; run < 1_000; run++) {
            String lf = randomArticle(random, List.of("\n", "\n\n", "\n \n")).replace("\r", "");
            List<String> expected = SegmentationInvariants.structure(segmenter.segment(lf));
            for (String newline : List.of("\r\n", "\r")) {
                String variant = lf.replace("\n", newline);
                assertEquals(expected, SegmentationInvariants.structure(segmenter.segment(variant)), escape(lf));
            }
        }
    }

    @Test
    void emojiAndCombiningSequencesAreNeverSplit() {
        String text = "😀😀😀. 👍🏽 Goed! 🇳🇱🇳🇱? E\u0301\u0301. 👨‍👩‍👧 Familie.";
        SegmentedArticle article = segmenter.segment(text);
        SegmentationInvariants.assertExact(article);
        assertEquals(List.of("😀😀😀.", "👍🏽 Goed!", "🇳🇱🇳🇱?", "E\u0301\u0301.", "👨‍👩‍👧 Familie."),
                article.sentences().stream().map(s -> s.text(text)).toList());
    }

    private static String randomArticle(Random random, List<String> newlines) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(60);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(8) == 0) {
                text.append(newlines.get(random.nextInt(newlines.size())));
            } else {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
                if (random.nextBoolean()) {
                    text.append(' ');
                }
            }
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
