package dev.nlen.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HTML in, pieces out, translations back in: a word-by-word test dictionary stands in for the model. */
class HtmlDocumentTest {

    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("de", "the"), Map.entry("kat", "cat"),
            Map.entry("zit", "sits"), Map.entry("op", "on"), Map.entry("mat", "mat"), Map.entry("hond", "dog"),
            Map.entry("is", "is"), Map.entry("groot", "big"), Map.entry("zie", "see"), Map.entry("vandaag", "today"),
            Map.entry("gebruik", "use"), Map.entry("nu", "now"), Map.entry("vreemde", "strange"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]*");

    /** Dutch words in the dictionary become English ones (capitalised like the source); the rest is kept. */
    static String translate(String dutch) {
        Matcher m = WORD.matcher(dutch);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String english = WORDS.getOrDefault(word.toLowerCase(), word);
            if (Character.isUpperCase(word.charAt(0))) {
                english = Character.toUpperCase(english.charAt(0)) + english.substring(1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(english));
        }
        return m.appendTail(out).toString();
    }

    /** Sentences cut after . ! ?, each translated, phrases too. */
    static PieceTranslation translate(Piece piece, boolean withPhrases) {
        List<PieceTranslation.Span> spans = new ArrayList<>();
        Matcher m = SENTENCE.matcher(piece.text());
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            while (start < end && piece.text().charAt(start) == ' ') {
                start++;
            }
            while (end > start && piece.text().charAt(end - 1) == ' ') {
                end--;
            }
            if (end > start) {
                spans.add(new PieceTranslation.Span(start, end, translate(piece.text().substring(start, end))));
            }
        }
        Map<String, String> phrases = new HashMap<>();
        if (withPhrases) {
            piece.phrases().forEach(p -> phrases.put(p, translate(p)));
        }
        return new PieceTranslation(spans, phrases);
    }

    static String roundTrip(HtmlDocument document, boolean withPhrases) {
        return document.render(document.pieces().stream().map(p -> translate(p, withPhrases)).toList());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain paragraph", "<p>De kat zit op de mat.</p>", "<p>The cat sits on the mat.</p>"),
                Arguments.of("bold word found through its phrase", "<p>De <b>kat</b> zit op de mat.</p>",
                        "<p>The <b>cat</b> sits on the mat.</p>"),
                Arguments.of("link around a whole sentence, attributes untouched",
                        "<p><a href=\"https://x.nl/a?b=1&amp;c=2\" title=\"De kat\">De kat zit.</a> De hond is groot.</p>",
                        "<p><a href=\"https://x.nl/a?b=1&amp;c=2\" title=\"De kat\">The cat sits.</a> The dog is big.</p>"),
                Arguments.of("a name found verbatim", "<p>Zie <a href=\"/ams\">Amsterdam</a> vandaag.</p>",
                        "<p>See <a href=\"/ams\">Amsterdam</a> today.</p>"),
                Arguments.of("element across sentences wrapped per sentence, id once",
                        "<p><b id=\"x\">De kat zit. De hond</b> is groot.</p>",
                        "<p><b id=\"x\">The cat sits.</b> <b>The dog is big.</b></p>"),
                Arguments.of("nested inline markup", "<p>De <em><b>kat</b></em> zit.</p>",
                        "<p>The <em><b>cat</b></em> sits.</p>"),
                Arguments.of("script and style untouched",
                        "<p>De kat<script>var x = \"<b>de</b>\";</script> zit.</p><style>p{color:red}</style>",
                        "<p>The cat sits.<script>var x = \"<b>de</b>\";</script></p><style>p{color:red}</style>"),
                Arguments.of("pre untouched, inline code kept where its text is",
                        "<pre>De  kat\n zit</pre><p>Gebruik <code>ls  -l</code> nu.</p>",
                        "<pre>De  kat\n zit</pre><p>Use <code>ls  -l</code> now.</p>"),
                Arguments.of("escaped markup in the text stays text",
                        "<p>De kat &lt;script&gt;alert(1)&lt;/script&gt; zit.</p>",
                        "<p>The cat &lt;script&gt;alert(1)&lt;/script&gt; sits.</p>"),
                Arguments.of("entities", "<p>Caf&eacute; &amp; de kat &lt; 5</p>", "<p>Café &amp; the cat &lt; 5</p>"),
                Arguments.of("unclosed tags closed, formatting reopened as HTML parses it",
                        "<p>De kat <b>zit op de mat.<p>De hond",
                        "<p>The cat <b>sits on the mat</b>.</p><p><b>The dog</b></p>"),
                Arguments.of("nested blocks", "<div>De kat<p>De hond</p>zit.</div>",
                        "<div>The cat<p>The dog</p>sits.</div>"),
                Arguments.of("line breaks split pieces", "<p>De kat<br>De hond</p>", "<p>The cat<br>The dog</p>"),
                Arguments.of("comments and images stay", "<p><img src=\"a.png\" alt=\"De kat\"> De kat<!-- de --> zit.</p>",
                        "<p><img src=\"a.png\" alt=\"De kat\"> The cat sits.<!-- de --></p>"),
                Arguments.of("white space around blocks kept", "<ul>\n  <li>\n    De kat\n  </li>\n</ul>",
                        "<ul>\n  <li>\n    The cat\n  </li>\n</ul>"),
                Arguments.of("table cells", "<table><tr><td>De kat</td><td class=\"n\">5</td></tr></table>",
                        "<table><tbody><tr><td>The cat</td><td class=\"n\">5</td></tr></tbody></table>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void translatesAroundTheMarkup(String name, String html, String expected) {
        assertEquals(expected, roundTrip(HtmlDocument.parse(html), true));
    }

    @Test
    void withoutAMappingAnInlineElementWrapsItsSentence() {
        HtmlDocument document = HtmlDocument.parse("<p>De <em>vreemde</em> kat. De hond.</p>");
        assertEquals("<p><em>The strange cat.</em> The dog.</p>", roundTrip(document, false));
    }

    @Test
    void piecesCarryKindsTextsAndPhrases() {
        HtmlDocument document = HtmlDocument.parse(
                "<h1>De  kat</h1>\n<ul><li>De <b>hond</b></li></ul><p>Zit <i>op</i> de mat.</p><pre>nee</pre>");
        assertEquals(List.of(new Piece(0, PieceKind.HEADING, "De kat", List.of()),
                new Piece(1, PieceKind.LIST_ITEM, "De hond", List.of("hond")),
                new Piece(2, PieceKind.PARAGRAPH, "Zit op de mat.", List.of("op"))), document.pieces());
        assertEquals("De kat\n\nDe hond\n\nZit op de mat.", document.plainText());
    }

    @Test
    void aWholeDocumentKeepsItsShapeAndTranslatesItsTitle() {
        String html = "<!DOCTYPE html><html lang=\"nl\"><head><title>De kat</title><script>x()</script></head>"
                + "<body><p>De hond.</p></body></html>";
        assertEquals("<!doctype html><html lang=\"nl\"><head><title>The cat</title><script>x()</script></head>"
                + "<body><p>The dog.</p></body></html>", roundTrip(HtmlDocument.parse(html), true));
    }

    @Test
    void ignoredTagsStayAsTheyAreAndNonSplittingTagsJoinPieces() {
        HtmlDocument ignored = HtmlDocument.parse("<p>De kat zit op <x-name>de mat</x-name>.</p>", Set.of("x-name"),
                Set.of());
        assertEquals("<p>The cat sits on <x-name>de mat</x-name>.</p>", roundTrip(ignored, true));
        HtmlDocument joined = HtmlDocument.parse("<p>De kat<div>zit.</div></p>", Set.of(), Set.of("div", "p"));
        assertEquals(List.of("De katzit."), joined.pieces().stream().map(Piece::text).toList());
    }

    @Test
    void translationsAreTextNeverMarkup() {
        HtmlDocument document = HtmlDocument.parse("<p>De kat.</p><p>De <b>hond</b>.</p>");
        String hostile = "<img src=x onerror=alert(1)><script>alert(1)</script>";
        String out = document.renderWhole(List.of(hostile, hostile + " & \"q\""));
        assertFalse(out.contains("<script"), out);
        assertFalse(out.contains("<img"), out);
        assertTrue(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), out);
        // parses back to the same elements the input had
        assertEquals(List.of("p", "p", "b"), Jsoup.parseBodyFragment(out).body().select("*").stream().skip(1)
                .map(e -> e.normalName()).toList());
    }

    @Test
    void hostileInputComesBackWellFormedWithoutNewElements() {
        List<String> inputs = List.of("<p>De <b>kat <i>zit</b> op</i> de mat.", "</p></div><p>De kat",
                "<p onclick=\"alert(1)\">De kat</p><iframe src=\"javascript:alert(1)\"></iframe>",
                "<p>De <a href=\"javascript:alert(1)\">kat</a></p>", "<<p>>De kat<<", "<p>De kat</p\n>",
                "<svg><p>De kat</p></svg>", "<textarea><p>De kat</p></textarea>", "\uFEFF<p>de\u00a0kat</p>");
        for (String html : inputs) {
            HtmlDocument document = HtmlDocument.parse(html);
            String out = roundTrip(document, true);
            List<String> before = Jsoup.parseBodyFragment(html).body().select("*").stream().map(e -> e.normalName())
                    .distinct().sorted().toList();
            List<String> after = Jsoup.parseBodyFragment(out).body().select("*").stream().map(e -> e.normalName())
                    .distinct().sorted().toList();
            assertTrue(before.containsAll(after), html + " → " + out);
            org.jsoup.nodes.Document reparsed = Jsoup.parseBodyFragment(out);
            reparsed.outputSettings().prettyPrint(false);
            assertEquals(out, reparsed.body().html(), "well-formed: " + html);
        }
    }

    @Test
    void theCountsMustMatch() {
        HtmlDocument document = HtmlDocument.parse("<p>De kat</p>");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> document.render(List.of()));
    }
}
