package dev.nlen.api.page;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * Issue 8: the page and every HTML document the service writes pass the Nu HTML Checker (vnu, in process) with no
 * errors — the page as served at {@code /}, the side-by-side {@code text/html} rendering of a plain-text article
 * (headings, list items, n-best alternatives, characters that need escaping), and the translated HTML of an HTML
 * article (a valid document in, a valid document out; a fragment is checked inside a minimal document). Each checked
 * document and the checker's messages are kept in target/html-check/.
 */
@QuarkusTest
class HtmlValidityTest {

    static final Path OUT = Path.of("target/html-check");
    static final Path HTML_ARTICLE = Path.of("src/test/resources/page/artikel-nl.html");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Plain text with every block kind the renderer writes, and text that must be escaped or cleaned. */
    static final String ARTICLE = """
            # Het huis is oud

            De kat zit op de mat. Ik lees een boek. Wij zijn blij!

            - Het huis is groot en de tuin is klein.
            - Een kind eet brood.

            1. Zij ziet de man, de vrouw en het kind.
            2. De man drinkt water en de vrouw eet de appel.

            De kat <zit> op de "mat" & 'de' stoel.\u0007 Is de kat niet blij? ]]> <!-- --> </td></table>
            """;

    @Test
    void thePageIsValid() throws Exception {
        String page = given().when().get("/").then().statusCode(200).contentType("text/html").extract().asString();
        assertValid("page.html", page);
    }

    @Test
    void theSideBySideRenderingOfAPlainTextArticleIsValid() throws Exception {
        Response answer = given().contentType("application/json").accept("text/html")
                .body(Map.of("text", ARTICLE, "options", Map.of("beams", 4, "alternatives", 2)))
                .when().post("/v1/translate").then().statusCode(200).contentType("text/html").extract().response();
        String html = answer.asString();
        assertTrue(html.contains("class=\"alternatives\"") && html.contains("class=\"list-item\"")
                && html.contains("class=\"heading\""), "the rendering covers every block kind and the alternatives");
        assertValid("side-by-side.html", html);

        String plain = given().contentType("text/plain; charset=utf-8").accept("text/html").body(ARTICLE)
                .when().post("/v1/translate").then().statusCode(200).extract().asString();
        assertValid("side-by-side-plain-body.html", plain);
    }

    @Test
    void theTranslationOfAnHtmlArticleIsValid() throws Exception {
        String article = Files.readString(HTML_ARTICLE, StandardCharsets.UTF_8);
        assertValid("html-article-nl.html", article); // the input is, so the output must be
        String html = given().contentType("text/html; charset=utf-8").accept("text/html").body(article)
                .when().post("/v1/translate").then().statusCode(200).contentType("text/html").extract().asString();
        assertTrue(html.contains("The <b>cat</b> sits on the mat."), html);
        assertValid("html-article-en.html", html);

        String viaJson = given().contentType("application/json").accept("text/html")
                .body(Map.of("text", article, "format", "html", "options", Map.of("beams", 1)))
                .when().post("/v1/translate").then().statusCode(200).extract().asString();
        assertValid("html-article-en-json-request.html", viaJson);
    }

    /** A fragment comes back as a fragment: valid inside a minimal document as the input was. */
    @Test
    void theTranslationOfAnHtmlFragmentIsValid() throws Exception {
        String fragment = "<h2 class=\"kop\">Ik lees een boek.</h2>\n<p>De <b>kat</b> zit op de mat. "
                + "<a href=\"/boek?a=1&amp;b=2\">Ik lees een boek.</a> Wij &lt;zijn&gt; blij!</p>\n"
                + "<ol><li>Een kind eet brood.</li><li><i>Het huis is oud.</i></li></ol>"
                + "<script>alert(\"De kat\")</script><pre>De kat</pre>";
        assertValid("html-fragment-nl.html", shell("nl", fragment));
        String html = given().contentType("text/html; charset=utf-8").accept("text/html").body(fragment)
                .when().post("/v1/translate").then().statusCode(200).extract().asString();
        assertTrue(html.startsWith("<h2 class=\"kop\">I read a book.</h2>"), html);
        assertValid("html-fragment-en.html", shell("en", html));
    }

    private static String shell(String lang, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>fragment</title>"
                + "</head><body>\n" + body + "\n</body></html>\n";
    }

    /** Errors are problem documents, not HTML pages, even for a browser that asks for HTML. */
    @Test
    void errorsAnswerNoHtml() {
        for (String path : new String[] {"/no-such-page", "/v1/no-such-resource"}) {
            String type = given().accept("text/html").when().get(path).then().statusCode(404).extract().contentType();
            assertTrue(type == null || !type.startsWith("text/html"), path + " answered " + type);
        }
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private static void assertValid(String name, String html) throws IOException, SAXException {
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve(name), html, StandardCharsets.UTF_8);
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(OUT.resolve(name + ".vnu.json"), report, StandardCharsets.UTF_8);
        List<String> errors = new ArrayList<>();
        for (JsonNode message : JSON.readTree(report).path("messages")) {
            String type = message.path("type").asText();
            if (!type.equals("info")) { // "error" and "non-document-error" fail; infos and warnings are reported only
                errors.add("line " + message.path("lastLine").asText() + ": " + message.path("message").asText()
                        + " [" + message.path("extract").asText() + "]");
            }
        }
        System.out.printf("vnu: %s: %d errors, %d messages%n", name, errors.size(),
                JSON.readTree(report).path("messages").size());
        assertEquals(List.of(), errors, name + " (kept in " + OUT.resolve(name) + ")");
    }
}
