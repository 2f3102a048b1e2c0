package dev.nlen.api.deepl;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** {@code /v2/*} in the shapes of DeepL's API documentation: form and JSON bodies, and DeepL's error bodies. */
@QuarkusTest
class DeepLApiTest {

    private static final String AUTH = "DeepL-Auth-Key test";

    @Test
    void formBodyWithRepeatedTextAnswersInOrder() {
        given().header("Authorization", AUTH).formParam("text", "Wij zijn blij!").formParam("text", "Ik lees een boek.")
                .formParam("target_lang", "EN-GB")
                .when().post("/v2/translate")
                .then().statusCode(200).contentType("application/json")
                .body("translations", hasSize(2))
                .body("translations[0].detected_source_language", equalTo("NL"))
                .body("translations[0].text", equalTo("We are happy!"))
                .body("translations[1].text", equalTo("I read a book."));
    }

    @Test
    void jsonBodyWithOptionsDeepLAcceptsForEnglish() {
        given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"text\": [\"Een kind eet brood.\"], \"source_lang\": \"NL\", \"target_lang\": \"EN-US\", "
                        + "\"split_sentences\": \"nonewlines\", \"preserve_formatting\": true, "
                        + "\"formality\": \"prefer_less\", \"context\": \"Over ontbijt.\", "
                        + "\"show_billed_characters\": true}")
                .when().post("/v2/translate")
                .then().statusCode(200)
                .body("translations[0].text", equalTo("A child eats bread."))
                .body("translations[0].billed_characters", equalTo(19));
    }

    @Test
    void refusalsAreInDeepLsShape() {
        given().formParam("text", "Ik lees een boek.").when().post("/v2/translate")
                .then().statusCode(400).contentType("application/json")
                .body("message", containsString("target_lang"));
        given().formParam("text", "Ik lees een boek.").formParam("target_lang", "DE").when().post("/v2/translate")
                .then().statusCode(400).body("message", containsString("target_lang"));
        given().formParam("text", "Ik lees een boek.").formParam("target_lang", "EN").formParam("source_lang", "DE")
                .when().post("/v2/translate")
                .then().statusCode(400).body("message", containsString("source_lang"));
        given().formParam("target_lang", "EN").when().post("/v2/translate")
                .then().statusCode(400).body("message", containsString("'text'"));
        given().formParam("text", "Ik lees een boek.").formParam("target_lang", "EN").formParam("formality", "more")
                .when().post("/v2/translate")
                .then().statusCode(400).body("message", containsString("formality"));
        given().formParam("text", "Ik lees een boek.").formParam("target_lang", "EN").formParam("split_sentences", "2")
                .when().post("/v2/translate")
                .then().statusCode(400).body("message", containsString("split_sentences"));
        given().formParam("text", "Ik lees een boek.").formParam("target_lang", "EN").formParam("colour", "blue")
                .when().post("/v2/translate")
                .then().statusCode(400).body("message", containsString("colour"));
        given().contentType("application/json").body("{\"text\": [\"a\"], ").when().post("/v2/translate")
                .then().statusCode(400).body("message", containsString("malformed JSON"));
        given().when().get("/v2/languages?type=both")
                .then().statusCode(400).body("message", containsString("type"));
    }

    @Test
    void limitsAnswer413() {
        var request = given().formParam("target_lang", "EN");
        for (int i = 0; i < 51; i++) {
            request.formParam("text", "Ik lees een boek.");
        }
        request.when().post("/v2/translate").then().statusCode(413).body("message", containsString("50"));
        given().formParam("target_lang", "EN").formParam("text", String.join("", Collections.nCopies(140_000, "a")))
                .when().post("/v2/translate")
                .then().statusCode(413).body("message", containsString("131072"));
    }

    @Test
    void usageAndLanguagesAnswerGetAndPost() {
        given().when().get("/v2/usage").then().statusCode(200)
                .body("character_limit", equalTo(1_000_000_000_000L));
        given().when().post("/v2/usage").then().statusCode(200);
        given().when().get("/v2/languages").then().statusCode(200).body("[0].language", equalTo("NL"));
        given().formParam("type", "target").when().post("/v2/languages").then().statusCode(200)
                .body("language", equalTo(java.util.List.of("EN-GB", "EN-US")))
                .body("[0].supports_formality", equalTo(false));
    }
}
