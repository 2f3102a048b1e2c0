package dev.nlen.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 7's probes of request parsing and content negotiation: each answers a 4xx problem body, or translates exactly. */
@QuarkusTest
class RequestHygieneTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {"garbage", ";;", "/", "text/", "a/b/c", "text/plain, garbage"})
    void malformedAcceptIs400NamingTheHeader(String accept) {
        given().contentType("text/plain; charset=utf-8").accept(accept).body("De kat.")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("Accept"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void malformedAcceptIsAProblemOnOtherEndpointsToo() {
        given().accept("a/b/c").when().get("/v1/languages")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("Accept"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json;q=0", "*/*;q=0", "application/json;q=0, */*;q=0"})
    void qualityZeroIsNotAcceptable(String accept) {
        given().contentType("text/plain; charset=utf-8").accept(accept).body("De kat.")
                .when().post("/v1/translate")
                .then().statusCode(406).contentType(PROBLEM).body("field", equalTo("Accept"));
    }

    @Test
    void qualityZeroExcludesOnlyItsType() {
        given().contentType("text/plain; charset=utf-8").accept("application/json;q=0, */*;q=0.5").body("De kat.")
                .when().post("/v1/translate")
                .then().statusCode(200).contentType(containsString("text/plain")).body(equalTo("The cat."));
    }

    @Test
    void higherQualityWins() {
        given().contentType("text/plain; charset=utf-8").accept("application/json;q=0.4, text/plain;q=0.9")
                .body("De kat.").when().post("/v1/translate")
                .then().statusCode(200).contentType(containsString("text/plain"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain ; charset=utf-8", "text/plain;charset=\"utf-8\"", "TEXT/PLAIN; Charset=UTF-8"})
    void contentTypeWithOptionalWhiteSpaceIsAccepted(String contentType) {
        given().header("Content-Type", contentType).body("De kat zit op de mat.")
                .when().post("/v1/translate")
                .then().statusCode(200).body("paragraphs[0].target", equalTo("The cat sits on the mat."));
    }

    @Test
    void loneSurrogateIs400NamingItsPosition() {
        given().contentType("application/json").body("{\"text\":\"De kat \\ud800 zit.\"}")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("text"))
                .body("detail", containsString("U+D800 at character 7"));
    }

    @Test
    void escapedSurrogatePairRoundTrips() {
        given().contentType("application/json").body("{\"text\":\"De kat \\ud83d\\ude00 zit.\"}")
                .when().post("/v1/translate")
                .then().statusCode(200).body("paragraphs[0].source", equalTo("De kat \uD83D\uDE00 zit."))
                .body("paragraphs[0].sentences[0].end", equalTo(13));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"De kat.\"}{\"text\":\"De hond.\"}", "{\"text\":\"De kat.\"} xyz",
        "{\"text\":\"De kat.\"} 1", "{\"text\":\"De kat.\"}]"})
    void anythingAfterTheDocumentIs400(String body) {
        given().contentType("application/json").body(body)
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("body"));
    }

    @Test
    void duplicateKeysAre400NamingTheKey() {
        given().contentType("application/json").body("{\"text\":\"De kat.\",\"text\":\"De hond.\"}")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("text"))
                .body("detail", containsString("duplicate"));
        given().contentType("application/json").body("{\"text\":\"De kat.\",\"options\":{\"beams\":2,\"beams\":3}}")
                .when().post("/v1/translate")
                .then().statusCode(400).body("field", equalTo("options.beams"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"Hallo\",\"options\":{\"beams\":\"6\"}}", "{\"text\":\"Hallo\",\"options\":{\"beams\":true}}",
        "{\"text\":\"Hallo\",\"options\":{\"beams\":6.0}}", "{\"text\":\"Hallo\",\"options\":{\"beams\":99999999999}}"})
    void noCoercionOfOptions(String body) {
        given().contentType("application/json").body(body)
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("options.beams"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":true}", "{\"text\":1.5}", "{\"text\":[\"a\"]}", "{\"text\":{}}", "{\"text\":null}",
        "{}"})
    void textMustBeAString(String body) {
        given().contentType("application/json").body(body)
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u00a0", "\\u2007", "\\u202f", "\\u0085", "\\ufeff", "\\u00a0\\n\\u3000\\u200b"})
    void onlyUnicodeWhiteSpaceIs400LikeBlank(String escaped) {
        given().contentType("application/json").body("{\"text\":\"" + escaped + "\"}")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("text"));
    }

    @Test
    void onlyNonBreakingSpaceAsPlainTextIs400() {
        given().contentType("text/plain; charset=utf-8").body("\u00a0\u202f\n\u2007")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("text"));
    }

    @Test
    void malformedContentTypeIs415() {
        given().header("Content-Type", "text/").body("De kat.")
                .when().post("/v1/translate")
                .then().statusCode(415).contentType(PROBLEM).body("field", equalTo("Content-Type"));
    }
}
