package dev.nlen.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nlen.testing.Expected;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * POST /v1/translate, as the API documentation describes it, on the hand-weighted stand-in: a Dutch article in,
 * the aligned document out in each format, exact translations, nothing lost or reordered.
 */
@QuarkusTest
class TranslateResourceTest {

    private static final List<Expected> ROWS = Expected.translations();

    /** Paragraphs of three dictionary sentences each, separated by blank lines. */
    private static String article() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 3 <= 9; i += 3) {
            text.append(ROWS.get(i + 1).dutch()).append(' ').append(ROWS.get(i + 3).dutch()).append(' ')
                    .append(ROWS.get(i + 4).dutch()).append("\n\n");
        }
        return text.toString();
    }

    @Test
    void plainTextArticleComesBackAlignedAsJson() {
        String article = article();
        JsonPath json = given().contentType("text/plain; charset=utf-8").body(article)
                .when().post("/v1/translate")
                .then().statusCode(200).contentType("application/json")
                .body("sourceLang", equalTo("nl")).body("targetLang", equalTo("en"))
                .body("model.precision", equalTo("fp32")).body("paragraphs", hasSize(3))
                .body("stats.paragraphs", equalTo(3)).body("stats.sentences", equalTo(9))
                .extract().jsonPath();
        for (int p = 0; p < 3; p++) {
            List<Map<String, Object>> sentences = json.getList("paragraphs[" + p + "].sentences");
            int[] rows = {3 * p + 1, 3 * p + 3, 3 * p + 4};
            for (int s = 0; s < 3; s++) {
                Map<String, Object> sentence = sentences.get(s);
                assertEquals(ROWS.get(rows[s]).dutch(), sentence.get("source"));
                assertEquals(ROWS.get(rows[s]).first(), sentence.get("target"));
                assertEquals(sentence.get("source"), substringByCodePoints(article, (int) sentence.get("start"),
                        (int) sentence.get("end")));
            }
        }
        assertEquals(ROWS.get(1).first() + " " + ROWS.get(3).first() + " " + ROWS.get(4).first(),
                json.getString("paragraphs[0].target"));
    }

    @Test
    void jsonBodyWithOptionsGivesGreedyOrBeamAndAlternatives() {
        List<Expected> beamRows = Expected.read("EXPECTED-BEAM.tsv");
        String dutch = beamRows.getFirst().dutch();
        String body = "{\"text\": \"" + dutch + "\", \"options\": {\"beams\": %d, \"alternatives\": %d}}";
        given().contentType("application/json").body(body.formatted(1, 0))
                .when().post("/v1/translate")
                .then().statusCode(200).body("paragraphs[0].sentences[0].target", equalTo(beamRows.getFirst().english().get(0)));
        given().contentType("application/json").body(body.formatted(6, 2))
                .when().post("/v1/translate")
                .then().statusCode(200)
                .body("paragraphs[0].sentences[0].target", equalTo(beamRows.getFirst().english().get(1)))
                .body("paragraphs[0].sentences[0].alternatives", hasSize(2));
    }

    @Test
    void offsetsCountCodePointsAndEmojiSurvive() {
        String article = "\uD83D\uDE00 " + ROWS.get(4).dutch() + "\r\n\r\n„" + ROWS.get(5).dutch() + "”";
        JsonPath json = given().contentType("text/plain; charset=utf-8").body(article)
                .when().post("/v1/translate").then().statusCode(200).extract().jsonPath();
        assertEquals(2, json.getList("paragraphs").size());
        Map<String, Object> first = json.getMap("paragraphs[0].sentences[0]");
        assertEquals(0, first.get("start"));
        assertEquals(first.get("source"), substringByCodePoints(article, 0, (int) first.get("end")));
        assertTrue(((String) first.get("source")).startsWith("\uD83D\uDE00"));
    }

    @Test
    void headingsListsAndLineBreaksKeepTheirPlace() {
        String article = "# " + ROWS.get(11).dutch() + "\n\n- " + ROWS.get(4).dutch() + "\n- " + ROWS.get(8).dutch()
                + "\n\n" + ROWS.get(1).dutch() + "\n" + ROWS.get(3).dutch() + "\n";
        JsonPath json = given().contentType("text/plain; charset=utf-8").body(article)
                .when().post("/v1/translate").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("heading", "list-item", "list-item", "paragraph"), json.getList("paragraphs.kind"));
        assertEquals(ROWS.get(1).first() + " " + ROWS.get(3).first(), json.getString("paragraphs[3].target"));
        String english = given().contentType("text/plain; charset=utf-8").accept("text/plain").body(article)
                .when().post("/v1/translate").then().statusCode(200).contentType("text/plain")
                .extract().asString();
        assertTrue(english.startsWith("# " + ROWS.get(11).first() + "\n\n- " + ROWS.get(4).first() + "\n- "), english);
    }

    @Test
    void aLongUnpunctuatedParagraphIsCutTranslatedAndJoinedWithNothingLost() {
        String paragraph = String.join(" ", java.util.Collections.nCopies(1500 / 3, "de kat zit"));
        JsonPath json = given().contentType("text/plain; charset=utf-8").body(paragraph)
                .when().post("/v1/translate").then().statusCode(200).extract().jsonPath();
        assertEquals(paragraph, json.getString("paragraphs[0].source"));
        String target = json.getString("paragraphs[0].target");
        assertEquals(1500, target.split(" ").length, "every word translated");
        assertTrue(target.startsWith("the cat sits the cat sits"));
    }

    @Test
    void markdownHtmlAndTmxParseBack() throws Exception {
        String article = article();
        String markdown = post(article, "text/markdown");
        assertTrue(markdown.contains(ROWS.get(1).dutch()) && markdown.contains(ROWS.get(1).first()), markdown);

        Document html = xml(post(article, "text/html"));
        assertEquals("html", html.getDocumentElement().getTagName());
        assertTrue(html.getDocumentElement().getTextContent().contains(ROWS.get(3).first()));

        Document tmx = xml(post(article, "application/x-tmx+xml"));
        assertEquals(9, tmx.getElementsByTagName("tu").getLength(), "one unit per sentence");
        assertEquals("1.4", tmx.getDocumentElement().getAttribute("version"));
    }

    @Test
    void theSeedArticleComesBackWhole() throws Exception {
        Path seed = Path.of("../shared/seed/article-nl.txt");
        assumeTrue(Files.isRegularFile(seed), "skipped: ../shared/seed/article-nl.txt is absent");
        String article = Files.readString(seed, StandardCharsets.UTF_8);
        JsonPath json = given().contentType("application/json")
                .body(Map.of("text", article, "options", Map.of("beams", 1, "maxNewTokens", 64)))
                .when().post("/v1/translate").then().statusCode(200).extract().jsonPath();
        assertEquals(18, json.getList("paragraphs").size());
        assertEquals(3, json.getList("paragraphs.findAll { it.kind == 'heading' }").size());
        List<Map<String, Object>> sentences = json.getList("paragraphs.sentences.flatten()");
        int previousEnd = 0;
        for (Map<String, Object> s : sentences) {
            int start = (int) s.get("start");
            assertTrue(start >= previousEnd, "in order");
            assertTrue(substringByCodePoints(article, previousEnd, start).isBlank()
                    || previousEnd == 0, "only white space (or a marker) between sentences");
            assertEquals(s.get("source"), substringByCodePoints(article, start, (int) s.get("end")));
            previousEnd = (int) s.get("end");
        }
        assertEquals(json.getInt("stats.sentences"), sentences.size());
        assertTrue(substringByCodePoints(article, previousEnd, article.codePointCount(0, article.length())).isBlank());
    }

    private static String post(String article, String accept) {
        return given().contentType("text/plain; charset=utf-8").accept(accept).body(article)
                .when().post("/v1/translate").then().statusCode(200).contentType(containsString(accept))
                .extract().asString();
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String substringByCodePoints(String text, int start, int end) {
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }
}
