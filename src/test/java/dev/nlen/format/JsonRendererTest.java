package dev.nlen.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode render(List<String> alternatives) throws Exception {
        var document = SampleDocuments.translated(SampleDocuments.ARTICLE, s -> "EN: " + s, alternatives);
        return mapper.readTree(new JsonRenderer().render(document));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void hasExactlyTheDocumentedShape() throws Exception {
        JsonNode json = render(List.of());

        assertEquals(List.of("model", "sourceLang", "targetLang", "paragraphs", "stats"), fieldNames(json));
        assertEquals(List.of("id", "revision", "precision", "device"), fieldNames(json.get("model")));
        assertEquals("Kop & <titel>", json.at("/paragraphs/0/source").asText());
        assertEquals(List.of("index", "kind", "source", "target", "sentences"),
                fieldNames(json.get("paragraphs").get(0)));
        assertEquals(List.of("source", "target", "start", "end", "meanLogProb"),
                fieldNames(json.get("paragraphs").get(0).get("sentences").get(0)));
        assertEquals(List.of("paragraphs", "sentences", "sourceTokens", "targetTokens", "millis"),
                fieldNames(json.get("stats")));
        assertEquals("Helsinki-NLP/opus-mt-nl-en", json.at("/model/id").asText());
        assertEquals("cpu", json.at("/model/device").asText());
        assertEquals("nl", json.get("sourceLang").asText());
        assertEquals("en", json.get("targetLang").asText());
        assertEquals(7, json.at("/stats/sentences").asInt());
        assertEquals(123, json.at("/stats/millis").asLong());
    }

    @Test
    void kindsUseWireNames() throws Exception {
        JsonNode paragraphs = render(List.of()).get("paragraphs");
        List<String> kinds = new ArrayList<>();
        paragraphs.forEach(p -> kinds.add(p.get("kind").asText()));
        assertEquals(List.of("heading", "paragraph", "heading", "list-item", "list-item"), kinds);
    }

    @Test
    void offsetsAreCodePointsIntoTheSubmittedText() throws Exception {
        JsonNode json = render(List.of());
        int[] codePoints = SampleDocuments.ARTICLE.codePoints().toArray();
        int checked = 0;
        for (JsonNode paragraph : json.get("paragraphs")) {
            for (JsonNode sentence : paragraph.get("sentences")) {
                int start = sentence.get("start").asInt();
                int end = sentence.get("end").asInt();
                assertEquals(sentence.get("source").asText(), new String(codePoints, start, end - start));
                checked++;
            }
        }
        assertEquals(7, checked);
        // after the BOM, the emoji and a second emoji with a skin-tone modifier, UTF-16 and code points differ
        JsonNode item = json.at("/paragraphs/3/sentences/0");
        int utf16Start = SampleDocuments.ARTICLE.indexOf("één 👍🏽 item");
        assertEquals(utf16Start - 1, item.get("start").asInt());
        JsonNode kim = json.at("/paragraphs/1/sentences/1");
        assertEquals(SampleDocuments.ARTICLE.indexOf("Kim") - 1, kim.get("start").asInt());
    }

    @Test
    void textIsEscapedAndRoundTrips() throws Exception {
        JsonNode sentence = render(List.of()).at("/paragraphs/1/sentences/0");
        assertEquals("Trump 😀 zei \"ja\" & 'nee'.", sentence.get("source").asText());
        assertEquals("EN: Trump 😀 zei \"ja\" & 'nee'.", sentence.get("target").asText());
        assertEquals("twee\u0007 items", render(List.of()).at("/paragraphs/4/sentences/0/source").asText());
    }

    @Test
    void alternativesOnlyWhenThereAreSome() throws Exception {
        assertFalse(render(List.of()).at("/paragraphs/0/sentences/0").has("alternatives"));
        JsonNode alternatives = render(List.of("een", "<twee>")).at("/paragraphs/0/sentences/0/alternatives");
        assertTrue(alternatives.isArray());
        assertEquals("<twee>", alternatives.get(1).asText());
    }
}
