package dev.nlen.text;

import static dev.nlen.text.Paragraph.Kind.HEADING;
import static dev.nlen.text.Paragraph.Kind.LIST_ITEM;
import static dev.nlen.text.Paragraph.Kind.PARAGRAPH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParagraphStructureTest {

    private final ArticleSegmenter segmenter = new ArticleSegmenter();

    private List<Paragraph.Kind> kinds(String text) {
        SegmentedArticle article = segmenter.segment(text);
        SegmentationInvariants.assertExact(article);
        return article.paragraphs().stream().map(Paragraph::kind).toList();
    }

    private List<String> texts(String text) {
        return segmenter.segment(text).paragraphs().stream().map(p -> p.text(text)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void blankLinesSeparateParagraphsInAnyNewlineConvention(String nl) {
        String text = "Een." + nl + nl + "Twee." + nl + "  \t " + nl + "Drie." + nl + nl + nl + nl + "Vier." + nl;
        assertEquals(List.of("Een.", "Twee.", "Drie.", "Vier."), texts(text));
    }

    @Test
    void aSingleNewlineIsInsideTheParagraphAndASpaceForTranslation() {
        String text = "Een zin\nloopt door. Nog\r\neen.";
        SegmentedArticle article = segmenter.segment(text);
        assertEquals(1, article.paragraphs().size());
        assertEquals(List.of("Een zin loopt door.", "Nog een."),
                article.sentences().stream().map(s -> s.textForTranslation(text)).toList());
        assertEquals("Een zin\nloopt door.", article.sentences().getFirst().text(text));
    }

    @Test
    void aLeadingBomIsInNoSegmentButCountsInOffsets() {
        String text = "\uFEFFTitel\n\nTekst.";
        SegmentedArticle article = segmenter.segment(text);
        SegmentationInvariants.assertExact(article);
        assertEquals(1, article.paragraphs().getFirst().start());
        assertEquals(List.of(HEADING, PARAGRAPH), kinds(text));
    }

    @Test
    void eachListItemIsASegmentAndKeepsItsMarker() {
        String text = "Lijst:\n- een\n* twee\n+ drie\n• vier\n1. vijf\n12) zes";
        SegmentedArticle article = segmenter.segment(text);
        assertEquals(List.of(PARAGRAPH, LIST_ITEM, LIST_ITEM, LIST_ITEM, LIST_ITEM, LIST_ITEM, LIST_ITEM), kinds(text));
        assertEquals(List.of("", "- ", "* ", "+ ", "• ", "1. ", "12) "),
                article.paragraphs().stream().map(p -> p.marker(text)).toList());
        assertEquals("zes", article.paragraphs().getLast().sentences().getFirst().text(text));
    }

    @Test
    void aListItemContinuesOnIndentedLines() {
        String text = "- een item\n  dat doorloopt.\n- twee";
        SegmentedArticle article = segmenter.segment(text);
        assertEquals(List.of(LIST_ITEM, LIST_ITEM), kinds(text));
        assertEquals("een item dat doorloopt.",
                article.paragraphs().getFirst().sentences().getFirst().textForTranslation(text));
    }

    @Test
    void markdownHeadingsAreSegmentsOfTheirOwn() {
        String text = "# Kop\nTekst erna.\n\n### Kleinere kop\n\n####### zeven hekjes.\n\n#hashtag is tekst.";
        SegmentedArticle article = segmenter.segment(text);
        assertEquals(List.of(HEADING, PARAGRAPH, HEADING, PARAGRAPH, PARAGRAPH), kinds(text));
        assertEquals("# ", article.paragraphs().getFirst().marker(text));
        assertEquals("Kleinere kop", article.paragraphs().get(2).sentences().getFirst().text(text));
    }

    @Test
    void aShortUnpunctuatedLineBeforeAnotherBlockIsATitle() {
        assertEquals(List.of(HEADING, PARAGRAPH), kinds("Kabinet valt over stikstof\n\nHet kabinet is gevallen."));
        assertEquals(List.of(HEADING, PARAGRAPH), kinds("'Geen haast' (update)\n\nTekst."));
    }

    @Test
    void linesThatAreNotTitles() {
        assertEquals(List.of(PARAGRAPH, PARAGRAPH), kinds("Wat nu?\n\nTekst."), "question");
        assertEquals(List.of(PARAGRAPH, PARAGRAPH), kinds("Hij zei:\n\nTekst."), "colon");
        assertEquals(List.of(PARAGRAPH, PARAGRAPH), kinds("kleine letters\n\nTekst."), "lower case");
        assertEquals(List.of(PARAGRAPH, PARAGRAPH), kinds("Tekst.\n\nDoor Jan Jansen"), "last block");
        assertEquals(List.of(PARAGRAPH, PARAGRAPH), kinds("Twee regels\nzonder punt\n\nTekst."), "two lines");
        String sixteenWords = "een ".repeat(15).replace("een", "Een") + "Een";
        assertEquals(List.of(PARAGRAPH, PARAGRAPH), kinds(sixteenWords + "\n\nTekst."), "too long");
    }

    @Test
    void yearsAndNumbersAtLineStartAreNotListMarkers() {
        assertEquals(List.of(PARAGRAPH), kinds("Het jaar\n2019. Was een goed jaar."));
        assertEquals(List.of(PARAGRAPH), kinds("1.5 miljoen mensen kwamen."));
        assertEquals(List.of(PARAGRAPH), kinds("-5 graden vandaag."));
    }

    @Test
    void emptyAndBlankTextHaveNoParagraphs() {
        for (String text : List.of("", " ", "\n\n", "\uFEFF", "\uFEFF \r\n\t")) {
            assertEquals(List.of(), kinds(text));
        }
    }
}
