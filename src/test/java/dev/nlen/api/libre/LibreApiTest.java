package dev.nlen.api.libre;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** LibreTranslate's endpoints in the request and answer shapes of its API documentation. */
@QuarkusTest
class LibreApiTest {

    @Test
    void translateJsonString() {
        given().contentType("application/json")
                .body("{\"q\": \"De kat zit op de mat.\", \"source\": \"nl\", \"target\": \"en\", \"format\": \"text\"}")
                .when().post("/translate")
                .then().statusCode(200).contentType("application/json")
                .body("translatedText", equalTo("The cat sits on the mat."))
                .body("detectedLanguage", nullValue()).body("alternatives", nullValue());
    }

    @Test
    void translateArrayWithAutoAndAlternatives() {
        given().contentType("application/json")
                .body("{\"q\": [\"De kat ligt op de bank.\", \"Wij zijn blij!\"], \"source\": \"auto\", "
                        + "\"target\": \"en\", \"alternatives\": 1}")
                .when().post("/translate")
                .then().statusCode(200)
                .body("translatedText", contains("The cat lies on the couch.", "We are happy!"))
                .body("alternatives", hasSize(2)).body("alternatives[0]", contains("The cat lies on the bank."))
                .body("detectedLanguage", hasSize(2)).body("detectedLanguage[0].language", notNullValue());
    }

    @Test
    void translateHtml() {
        given().contentType("application/json")
                .body("{\"q\": \"<p>De kat zit op de mat.</p><p><em>Wij zijn blij!</em></p>\", \"source\": \"nl\", "
                        + "\"target\": \"en\", \"format\": \"html\"}")
                .when().post("/translate")
                .then().statusCode(200)
                .body("translatedText", equalTo("<p>The cat sits on the mat.</p><p><em>We are happy!</em></p>"));
    }

    @Test
    void translateForm() {
        given().formParam("q", "Ik lees een boek.").formParam("source", "nl").formParam("target", "en")
                .formParam("api_key", "")
                .when().post("/translate")
                .then().statusCode(200).body("translatedText", equalTo("I read a book."));
    }

    @Test
    void errorsInLibreTranslatesShape() {
        given().contentType("application/json").body("{\"source\": \"nl\", \"target\": \"en\"}")
                .when().post("/translate").then().statusCode(400).body("error", containsString("q"));
        given().contentType("application/json").body("{\"q\": \"x\", \"source\": \"de\", \"target\": \"en\"}")
                .when().post("/translate").then().statusCode(400).body("error", containsString("de"));
        given().contentType("application/json").body("{\"q\": \"x\", \"source\": \"nl\", \"target\": \"fr\"}")
                .when().post("/translate").then().statusCode(400).body("error", containsString("fr"));
        given().contentType("application/json").body("{\"q\": \"x\", \"source\": \"nl\", \"target\": \"en\", "
                        + "\"format\": \"pdf\"}")
                .when().post("/translate").then().statusCode(400).body("error", containsString("format"));
        given().contentType("application/json").body("{\"q\": \"x\", \"source\": \"nl\", \"target\": \"en\", "
                        + "\"alternatives\": 99}")
                .when().post("/translate").then().statusCode(400).body("error", containsString("alternatives"));
        given().contentType("application/json").body("{\"q\": \"x\",")
                .when().post("/translate").then().statusCode(400).body("error", containsString("JSON"));
    }

    @Test
    void languagesDetectAndSettings() {
        given().when().get("/languages").then().statusCode(200)
                .body("[0].code", equalTo("nl")).body("[0].targets", contains("en"));
        given().contentType("application/json")
                .body("{\"q\": \"Het kabinet presenteert vandaag de begroting voor het komende jaar.\"}")
                .when().post("/detect").then().statusCode(200)
                .body("[0].language", equalTo("nl")).body("[0].confidence", greaterThan(50f));
        given().formParam("q", "The government presents the budget for the coming year today.")
                .when().post("/detect").then().statusCode(200).body("[0].language", equalTo("en"));
        given().when().get("/frontend/settings").then().statusCode(200)
                .body("charLimit", greaterThan(0)).body("language.target.code", equalTo("en"));
    }
}
