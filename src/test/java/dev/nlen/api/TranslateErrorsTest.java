package dev.nlen.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad request gets a 4xx with an application/problem+json body naming the field and, where one applies, the limit. */
@QuarkusTest
class TranslateErrorsTest {

    @Test
    void emptyTextIs400() {
        given().contentType("text/plain; charset=utf-8").body("  \n\n \t ")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("field", equalTo("text")).body("title", equalTo("Invalid request"));
    }

    @Test
    void emptyJsonTextIs400() {
        given().contentType("application/json").body("{\"text\": \"\"}")
                .when().post("/v1/translate")
                .then().statusCode(400).body("field", equalTo("text"));
    }

    @Test
    void invalidUtf8Is400() {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9, ' ', 'o', 'p', 'e', 'n'};
        given().contentType("text/plain; charset=utf-8").body(latin1)
                .when().post("/v1/translate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("body")).body("detail", containsString("UTF-8"));
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        given().contentType("application/json").body("{\"text\": \"Hallo\",")
                .when().post("/v1/translate")
                .then().statusCode(400).body("field", equalTo("body")).body("detail", containsString("malformed JSON"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"text\": 42}                                   | text",
        "[\"Hallo\"]                                      | body",
        "{\"text\": \"Hallo\", \"options\": 3}            | options",
        "{\"text\": \"Hallo\", \"options\": {\"beams\": \"six\"}} | options.beams",
        "{\"text\": \"Hallo\", \"options\": {\"beams\": 2.5}}     | options.beams",
        "{\"text\": \"Hallo\", \"options\": {\"beam\": 2}}        | options.beam",
        "{\"txt\": \"Hallo\"}                             | txt"})
    void wrongFieldTypesAndUnknownFieldsAre400NamingTheField(String body, String field) {
        given().contentType("application/json").body(body)
                .when().post("/v1/translate")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"beams\": 0}           | options.beams        | 1..16",
        "{\"beams\": 17}          | options.beams        | 1..16",
        "{\"maxNewTokens\": -1}   | options.maxNewTokens | 1..511",
        "{\"maxNewTokens\": 0}    | options.maxNewTokens | 1..511",
        "{\"alternatives\": -1}   | options.alternatives | 0..5",
        "{\"beams\": 2, \"alternatives\": 2} | options.alternatives | 0..1"})
    void optionsOutOfRangeAre400WithTheLimit(String options, String field, String limit) {
        given().contentType("application/json").body("{\"text\": \"Hallo.\", \"options\": " + options + "}")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field)).body("limit", equalTo(limit));
    }

    @Test
    void bodyOverTheLimitIs413WithTheLimit() {
        given().contentType("text/plain; charset=utf-8").body("a".repeat(65_537))
                .when().post("/v1/translate")
                .then().statusCode(413).contentType("application/problem+json")
                .body("field", equalTo("body")).body("limit", equalTo(65_536));
    }

    @Test
    void tooManyCharactersIs413() {
        given().contentType("text/plain; charset=utf-8").body("woord ".repeat(4_000))
                .when().post("/v1/translate")
                .then().statusCode(413).body("field", equalTo("text")).body("limit", equalTo(20_000));
    }

    @Test
    void tooManyParagraphsIs413() {
        given().contentType("text/plain; charset=utf-8").body("Hallo.\n\n".repeat(51))
                .when().post("/v1/translate")
                .then().statusCode(413).body("field", equalTo("text")).body("limit", equalTo(50));
    }

    @Test
    void unsupportedContentTypeIs415() {
        given().contentType("application/xml").body("<text>Hallo</text>")
                .when().post("/v1/translate")
                .then().statusCode(415).contentType("application/problem+json").body("field", equalTo("Content-Type"));
    }

    @Test
    void unknownAcceptIs406() {
        given().contentType("text/plain").accept("image/png").body("Hallo.")
                .when().post("/v1/translate")
                .then().statusCode(406).contentType("application/problem+json").body("field", equalTo("Accept"));
    }

    @Test
    void unknownPathIs404ProblemWithoutStackTrace() {
        given().when().get("/v1/nothing-here")
                .then().statusCode(404).body(not(containsString("Exception")));
    }
}
