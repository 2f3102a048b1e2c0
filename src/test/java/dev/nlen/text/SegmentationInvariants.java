package dev.nlen.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** What every segmentation must satisfy, whatever the input. */
final class SegmentationInvariants {

    private SegmentationInvariants() {
    }

    /** Checks offsets, trimming, separators and surrogate pairs, and that sentences + separators rebuild the text. */
    static void assertExact(SegmentedArticle article) {
        String text = article.text();
        StringBuilder rebuilt = new StringBuilder();
        int cursor = 0;
        for (int p = 0; p < article.paragraphs().size(); p++) {
            Paragraph paragraph = article.paragraphs().get(p);
            assertEquals(p, paragraph.index());
            assertSeparator(text, cursor, paragraph.start(), cursor == 0);
            rebuilt.append(text, cursor, paragraph.start());
            String marker = paragraph.marker(text);
            assertTrue(marker.isEmpty() || !WhiteSpace.isWhite(marker.charAt(0)), "marker " + marker);
            rebuilt.append(marker);
            cursor = paragraph.contentStart();
            for (Sentence sentence : paragraph.sentences()) {
                assertSeparator(text, cursor, sentence.start(), false);
                rebuilt.append(text, cursor, sentence.start());
                assertTrimmed(text, sentence);
                rebuilt.append(sentence.text(text));
                cursor = sentence.end();
            }
            assertEquals(paragraph.end(), cursor);
        }
        assertSeparator(text, cursor, text.length(), cursor == 0);
        rebuilt.append(text, cursor, text.length());
        assertEquals(text, rebuilt.toString());
    }

    private static void assertSeparator(String text, int from, int to, boolean mayHoldBom) {
        assertTrue(from <= to, "offsets go backwards: " + from + " > " + to);
        int start = mayHoldBom && from == 0 && text.startsWith("\uFEFF") ? 1 : from;
        assertTrue(WhiteSpace.isBlank(text, Math.min(start, to), to),
                () -> "non-white separator [" + from + ", " + to + "): " + text.substring(from, to));
        assertNotInsidePair(text, to);
    }

    private static void assertTrimmed(String text, Sentence sentence) {
        assertFalse(WhiteSpace.isWhite(text.charAt(sentence.start())), "sentence starts with white space");
        assertFalse(WhiteSpace.isWhite(text.charAt(sentence.end() - 1)), "sentence ends with white space");
        assertNotInsidePair(text, sentence.start());
        assertNotInsidePair(text, sentence.end());
    }

    static void assertNotInsidePair(String text, int offset) {
        boolean splitsPair = offset > 0 && offset < text.length()
                && Character.isHighSurrogate(text.charAt(offset - 1)) && Character.isLowSurrogate(text.charAt(offset));
        assertFalse(splitsPair, "offset " + offset + " splits a surrogate pair");
    }

    /** Kinds and normalised sentence texts: what must not depend on the newline convention. */
    static List<String> structure(SegmentedArticle article) {
        return article.paragraphs().stream()
                .map(p -> p.kind() + ":" + p.sentences().stream()
                        .map(s -> "[" + s.textForTranslation(article.text()) + "]").toList())
                .toList();
    }
}
