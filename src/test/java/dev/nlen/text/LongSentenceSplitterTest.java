package dev.nlen.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class LongSentenceSplitterTest {

    /** A stand-in for a SentencePiece count: a piece per four code points of each word, plus the eos id. */
    private static final ToIntFunction<String> TOKENS = text -> {
        int tokens = 1;
        for (String word : text.split(" ")) {
            tokens += (word.codePointCount(0, word.length()) + 3) / 4;
        }
        return tokens;
    };
    private static final int LIMIT = 500;

    private final LongSentenceSplitter splitter = new LongSentenceSplitter(TOKENS, LIMIT);

    private static Sentence whole(String text) {
        return new Sentence(0, text.length());
    }

    /** Pieces are ordered, trimmed, fit, and with the white space between them rebuild the sentence. */
    private static void assertRebuilds(String text, Sentence sentence, List<Sentence> pieces) {
        assertRebuilds(text, sentence, pieces, LIMIT);
    }

    private static void assertRebuilds(String text, Sentence sentence, List<Sentence> pieces, int limit) {
        StringBuilder rebuilt = new StringBuilder();
        int cursor = sentence.start();
        for (Sentence piece : pieces) {
            assertTrue(piece.start() >= cursor);
            assertTrue(WhiteSpace.isBlank(text, cursor, piece.start()), "only white space between pieces");
            rebuilt.append(text, cursor, piece.end());
            assertTrue(TOKENS.applyAsInt(piece.textForTranslation(text)) <= limit, "piece over the limit");
            SegmentationInvariants.assertNotInsidePair(text, piece.start());
            SegmentationInvariants.assertNotInsidePair(text, piece.end());
            cursor = piece.end();
        }
        assertEquals(sentence.end(), cursor);
        assertEquals(sentence.text(text), rebuilt.toString());
    }

    /** Greedy: no two neighbouring pieces would have fitted as one. */
    private static void assertMaximal(String text, List<Sentence> pieces) {
        for (int i = 0; i + 1 < pieces.size(); i++) {
            Sentence merged = new Sentence(pieces.get(i).start(), pieces.get(i + 1).end());
            assertTrue(TOKENS.applyAsInt(merged.textForTranslation(text)) > LIMIT, "pieces " + i + " and " + (i + 1));
        }
    }

    @Test
    void aSentenceThatFitsIsReturnedAsItIs() {
        String text = "Een korte zin.";
        assertEquals(List.of(whole(text)), splitter.split(text, whole(text)));
    }

    @Test
    void aFifteenHundredWordUnpunctuatedParagraphIsCutAtWhiteSpace() {
        Random random = new Random(1);
        List<String> words = List.of("de", "onderhandelingen", "tussen", "beide", "landen", "liepen", "vast", "kernwapens");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            text.append(i == 0 ? "" : (i % 37 == 0 ? "\n" : " ")).append(words.get(random.nextInt(words.size())));
        }
        String paragraph = text.toString();

        List<Sentence> pieces = splitter.split(paragraph, whole(paragraph));

        assertTrue(TOKENS.applyAsInt(paragraph) > 3 * LIMIT, "the test input is long enough");
        assertEquals(7, pieces.size(), "3,167 tokens in pieces of at most 500");
        assertRebuilds(paragraph, whole(paragraph), pieces);
        assertMaximal(paragraph, pieces);
    }

    @Test
    void aThreeThousandCharWordIsCutAtCodePoints() {
        String word = "😀x".repeat(1_000) + "ab".repeat(500); // 3,000 code points, 4,000 UTF-16 units
        String text = "Zie " + word + " nu.";
        Sentence sentence = whole(text);

        List<Sentence> pieces = splitter.split(text, sentence);

        assertEquals(List.of("Zie", word.substring(0, pieces.get(1).length()),
                        word.substring(pieces.get(1).length()) + " nu."),
                pieces.stream().map(p -> p.text(text)).toList());
        assertRebuilds(text, sentence, pieces);
        assertMaximal(text, pieces);
    }

    @Test
    void clauseBoundariesComeFirst() {
        String clause = "dit is een bijzin met woorden ".repeat(30).strip();
        String text = clause + ", " + clause + "; " + clause + " – " + clause + ".";
        LongSentenceSplitter small = new LongSentenceSplitter(TOKENS, 300);

        List<Sentence> pieces = small.split(text, whole(text));

        assertEquals(List.of(clause + ",", clause + ";", clause, "– " + clause + "."),
                pieces.stream().map(p -> p.text(text)).toList());
    }

    @Test
    void conjunctionsComeBeforeBareWhiteSpace() {
        String half = "woord ".repeat(150).strip();
        String text = half + " maar " + half;
        LongSentenceSplitter small = new LongSentenceSplitter(TOKENS, 400);

        List<Sentence> pieces = small.split(text, whole(text));

        assertEquals(List.of(half, "maar " + half), pieces.stream().map(p -> p.text(text)).toList());
    }

    @Test
    void offsetsStayInTheArticle() {
        String article = "Inleiding. Lang " + "lang ".repeat(1_200) + "einde. Slot.";
        SegmentedArticle segmented = new ArticleSegmenter().segment(article);
        Sentence longOne = segmented.sentences().get(1);

        List<Sentence> pieces = splitter.split(article, longOne);

        assertTrue(pieces.size() > 1);
        assertEquals(longOne.start(), pieces.getFirst().start());
        assertRebuilds(article, longOne, pieces);
    }

    @Test
    void aCodePointThatAloneExceedsTheLimitIsKeptNotDropped() {
        LongSentenceSplitter tiny = new LongSentenceSplitter(text -> text.length() * 10, 5);
        String text = "😀ab";
        List<Sentence> pieces = tiny.split(text, whole(text));
        assertEquals(List.of("😀", "a", "b"), pieces.stream().map(p -> p.text(text)).toList());
    }

    @Test
    void randomSentencesAndLimitsAlwaysRebuild() {
        Random random = new Random(3);
        List<String> vocabulary = List.of("de", "kernontwapening", "😀", "👍🏽", ",", ";", "–", "en", "maar", "x",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "\n", "\u00A0", "  ");
        for (int run = 0; run < 500; run++) {
            StringBuilder text = new StringBuilder("Begin");
            int words = random.nextInt(400);
            for (int i = 0; i < words; i++) {
                text.append(random.nextInt(3) == 0 ? "" : " ").append(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            String sentenceText = text.append(" eind.").toString();
            int limit = 2 + random.nextInt(60);
            List<Sentence> pieces = new LongSentenceSplitter(TOKENS, limit).split(sentenceText, whole(sentenceText));
            assertRebuilds(sentenceText, whole(sentenceText), pieces, limit);
        }
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new LongSentenceSplitter(TOKENS, 0));
    }
}
