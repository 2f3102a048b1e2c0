package dev.nlen.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** HTML in: the same HTML back in English with its markup, or its aligned document, on the hand-weighted stand-in. */
@QuarkusTest
class HtmlInputTest {

    private static final String HTML = "<h2 class=\"kop\">Ik lees een boek.</h2>\n"
            + "<p>De <b>kat</b> zit op de mat. <a href=\"/boek?a=1&amp;b=2\">Ik lees een boek.</a></p>"
            + "<script>alert(\"De kat\")</script><pre>De kat</pre>";

    @Test
    void htmlAnswersTheSameHtmlInEnglish() {
        given().contentType("text/html; charset=utf-8").accept("text/html").body(HTML)
                .when().post("/v1/translate")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(equalTo("<h2 class=\"kop\">I read a book.</h2>\n"
                        + "<p>The <b>cat</b> sits on the mat. <a href=\"/boek?a=1&amp;b=2\">I read a book.</a></p>"
                        + "<script>alert(\"De kat\")</script><pre>De kat</pre>"));
    }

    @Test
    void jsonIsTheAlignedDocumentOfTheHtmlBlocks() {
        given().contentType("text/html").body(HTML)
                .when().post("/v1/translate")
                .then().statusCode(200).contentType("application/json")
                .body("paragraphs", hasSize(2))
                .body("paragraphs[0].kind", equalTo("heading"))
                .body("paragraphs[0].target", equalTo("I read a book."))
                .body("paragraphs[1].kind", equalTo("paragraph"))
                .body("paragraphs[1].source", equalTo("De kat zit op de mat. Ik lees een boek."))
                .body("paragraphs[1].sentences[0].target", equalTo("The cat sits on the mat."));
    }

    @Test
    void jsonFormatHtmlAndOtherAcceptFormats() {
        given().contentType("application/json").accept("text/plain")
                .body("{\"text\": \"<p>De kat zit op de mat.</p><p>Ik lees een boek.</p>\", \"format\": \"html\"}")
                .when().post("/v1/translate")
                .then().statusCode(200).body(equalTo("The cat sits on the mat.\n\nI read a book."));
    }

    @Test
    void hostileTextComesBackEscaped() {
        given().contentType("text/html").accept("text/html")
                .body("<p>De kat &lt;script&gt;alert(1)&lt;/script&gt; zit op de mat.")
                .when().post("/v1/translate")
                .then().statusCode(200).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script")));
    }

    @Test
    void badHtmlRequestsNameTheirField() {
        given().contentType("text/html").body("<script>De kat</script><p> </p>")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("text"));
        given().contentType("application/json").body("{\"text\": \"<p>x</p>\", \"format\": \"xml\"}")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("format"));
    }
}
