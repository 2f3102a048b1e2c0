package dev.nlen.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.xml.XMLConstants;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TmxRendererTest {

    private static Document parse(String article) throws Exception {
        return XmlDom.parse(new TmxRenderer().render(SampleDocuments.translated(article, s -> "EN: " + s, List.of())));
    }

    private static String seg(Element tu, String language) {
        return XmlDom.children(tu, "tuv").stream()
                .filter(tuv -> tuv.getAttributeNS(XMLConstants.XML_NS_URI, "lang").equals(language))
                .map(tuv -> XmlDom.children(tuv, "seg").getFirst().getTextContent())
                .findFirst().orElseThrow();
    }

    @Test
    void hasATmx14HeaderWithTheRequiredAttributes() throws Exception {
        Document dom = parse(SampleDocuments.ARTICLE);

        assertEquals("tmx", dom.getDocumentElement().getTagName());
        assertEquals("1.4", dom.getDocumentElement().getAttribute("version"));
        Element header = XmlDom.elements(dom, "header").getFirst();
        assertEquals("nlen-translator", header.getAttribute("creationtool"));
        assertEquals("0.1.0", header.getAttribute("creationtoolversion"));
        assertEquals("sentence", header.getAttribute("segtype"));
        assertEquals("nlen-translator", header.getAttribute("o-tmf"));
        assertEquals("en", header.getAttribute("adminlang"));
        assertEquals("nl", header.getAttribute("srclang"));
        assertEquals("plaintext", header.getAttribute("datatype"));
    }

    @Test
    void oneTranslationUnitPerSentenceWithDutchAndEnglish() throws Exception {
        Document dom = parse(SampleDocuments.ARTICLE);

        List<Element> units = XmlDom.elements(dom, "tu");
        assertEquals(7, units.size());
        for (Element unit : units) {
            assertEquals(2, XmlDom.children(unit, "tuv").size());
            assertEquals("EN: " + seg(unit, "nl"), seg(unit, "en"));
        }
        assertEquals("Kop & <titel>", seg(units.get(0), "nl"));
        assertEquals("Trump 😀 zei \"ja\" & 'nee'.", seg(units.get(1), "nl"));
        assertEquals("Dat duurde lang.", seg(units.get(3), "nl"), "wrapped line joined with a space");
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() throws Exception {
        String article = "Een\u0000 twee\u001F drie\uFFFE. Half \uD800 paar \uDC00 en 😀 heel.";
        Document dom = parse(article);

        List<Element> units = XmlDom.elements(dom, "tu");
        String all = String.join(" ", units.stream().map(u -> seg(u, "nl")).toList());
        assertEquals("Een\uFFFD twee\uFFFD drie\uFFFD. Half \uFFFD paar \uFFFD en 😀 heel.", all);
    }

    @Test
    void attributeValuesAreEscapedToo() throws Exception {
        var model = new dev.nlen.translation.AlignedDocument.ModelInfo("a\"b<c>&d", "r\u0001", "fp32", "cpu");
        var sample = SampleDocuments.sample();
        var document = new dev.nlen.translation.AlignedDocument(sample.sourceText(), model, sample.paragraphs(),
                sample.stats());
        String tmx = new TmxRenderer().render(document);
        Document dom = XmlDom.parse(tmx);
        Element property = XmlDom.elements(dom, "prop").getFirst();
        assertEquals("a\"b<c>&d", property.getTextContent());
        assertTrue(XmlDom.parse(new HtmlRenderer().render(document)).getDocumentElement() != null);
    }
}
