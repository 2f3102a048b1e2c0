package dev.nlen.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlRendererTest {

    private final String html = new HtmlRenderer().render(
            SampleDocuments.translated(SampleDocuments.ARTICLE, s -> "EN: " + s, List.of("alt <1>", "alt & 2")));

    @Test
    void isWellFormedXhtmlWithUtf8AndLanguages() throws Exception {
        Document dom = XmlDom.parse(html);

        Element root = dom.getDocumentElement();
        assertEquals("html", root.getLocalName());
        assertEquals("http://www.w3.org/1999/xhtml", root.getNamespaceURI());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals("UTF-8", XmlDom.elements(dom, "meta").getFirst().getAttribute("charset"));
        List<Element> cells = XmlDom.elements(dom, "td");
        assertEquals(14, cells.size());
        assertEquals(7, cells.stream().filter(td -> td.getAttribute("lang").equals("nl")).count());
        assertEquals(7, cells.stream().filter(td -> td.getAttribute("lang").equals("en")).count());
    }

    @Test
    void alignsSentencesRowByRowAndGroupsParagraphs() throws Exception {
        Document dom = XmlDom.parse(html);

        List<Element> bodies = XmlDom.elements(dom, "tbody");
        assertEquals(List.of("heading", "paragraph", "heading", "list-item", "list-item"),
                bodies.stream().map(b -> b.getAttribute("class")).toList());
        List<Element> rows = XmlDom.children(bodies.get(1), "tr");
        assertEquals(3, rows.size());
        Element kim = rows.get(1);
        assertEquals("Kim <b>zweeg</b>.", XmlDom.children(kim, "td").get(0).getTextContent());
        assertEquals("EN: Kim <b>zweeg</b>.", XmlDom.children(kim, "td").get(1).getFirstChild().getNodeValue());
        assertEquals("Dat duurde lang.", XmlDom.children(rows.get(2), "td").get(0).getTextContent());
    }

    @Test
    void escapesMarkupAndQuotesAndShowsAlternatives() throws Exception {
        Document dom = XmlDom.parse(html);

        assertFalse(html.contains("<b>"), "source markup must be escaped");
        assertTrue(html.contains("Kop &amp; &lt;titel&gt;"));
        Element trump = XmlDom.children(XmlDom.elements(dom, "tbody").get(1), "td").get(0);
        assertEquals("Trump 😀 zei \"ja\" & 'nee'.", trump.getTextContent());
        List<Element> alternatives = XmlDom.elements(dom, "li");
        assertEquals("alt <1>", alternatives.get(0).getTextContent());
        assertEquals("alt & 2", alternatives.get(1).getTextContent());
    }

    @Test
    void isSelfContainedAndReplacesCharactersXmlCannotCarry() throws Exception {
        assertFalse(html.contains("src="), "no external resources");
        assertFalse(html.contains("href="), "no external resources");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("\u0007"));
        assertTrue(html.contains("twee\uFFFD items"));
        XmlDom.parse(html);
    }
}
