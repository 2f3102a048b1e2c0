package dev.nlen.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    @Test
    void pairsDutchAndEnglishAndKeepsHeadingsAndLists() {
        String expected = """
                _Machine translation nl → en (Helsinki-NLP/opus-mt-nl-en)_

                # NL: Kop \\& \\<titel\\>
                # EN: EN: Kop \\& \\<titel\\>

                **NL:** Trump 😀 zei "ja" \\& 'nee'. Kim \\<b\\>zweeg\\</b\\>. Dat duurde lang.

                **EN:** EN: Trump 😀 zei "ja" \\& 'nee'. EN: Kim \\<b\\>zweeg\\</b\\>. EN: Dat duurde lang.

                ## NL: Korte titel
                ## EN: EN: Korte titel

                - **NL:** één 👍🏽 item

                  **EN:** EN: één 👍🏽 item

                2) **NL:** twee\u0007 items

                   **EN:** EN: twee\u0007 items
                """;
        assertEquals(expected, new MarkdownRenderer().render(SampleDocuments.sample()));
    }

    @Test
    void escapesWhatMarkdownWouldInterpret() {
        assertEquals("a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\<g\\> h \\& i \\# j \\| k \\\\ l \\~",
                MarkdownRenderer.escape("a *b* _c_ [d](e) `f` <g> h & i # j | k \\ l ~"));
    }
}
