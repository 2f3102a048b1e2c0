package dev.nlen.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextRendererTest {

    private final PlainTextRenderer renderer = new PlainTextRenderer();

    @Test
    void keepsTheSourceLayoutMarkersAndNewlines() {
        String expected = "# EN: Kop & <titel>\r\n\r\n"
                + "EN: Trump 😀 zei \"ja\" & 'nee'. EN: Kim <b>zweeg</b>. EN: Dat duurde lang.\r\n\r\n"
                + "EN: Korte titel\r\n\r\n"
                + "- EN: één 👍🏽 item\r\n"
                + "2) EN: twee\u0007 items\r\n";
        assertEquals(expected, renderer.render(SampleDocuments.sample()));
    }

    @Test
    void keepsUnusualSeparatorsAndIndentation() {
        String article = "\n\nEen.\n\n\n  Twee.\n \n- drie\n  - vier";
        var document = SampleDocuments.translated(article, s -> s.toUpperCase(java.util.Locale.ROOT), List.of());
        assertEquals("\n\nEEN.\n\n\n  TWEE.\n \n- DRIE\n  - VIER", renderer.render(document));
    }

    @Test
    void anEmptyArticleGivesItsWhiteSpaceBack() {
        var document = SampleDocuments.translated("\uFEFF\n", s -> s, List.of());
        assertEquals("\n", renderer.render(document));
    }
}
