package dev.nlen.api.compat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A paragraph clearly not in Dutch comes back as it is, flagged with its language, instead of going through the
 * Dutch model; short paragraphs count as Dutch.
 */
@QuarkusTest
class ForeignParagraphsTest {

    private static final String ENGLISH = "The government presented its budget for the coming year this morning.";
    private static final String GERMAN = "Die Regierung hat heute Morgen den Haushalt für das kommende Jahr vorgestellt.";

    /** The detector loads in the background: wait until /detect answers (it waits for the load itself). */
    @BeforeEach
    void detectorLoaded() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (given().formParam("q", ENGLISH).when().post("/detect").statusCode() != 200) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("language detection did not load within 3 minutes");
            }
            Thread.sleep(500);
        }
    }

    @Test
    void v1TranslateFlagsForeignParagraphsAndLeavesThemAsTheyAre() {
        String article = "De kat zit op de mat.\n\n" + ENGLISH + "\n\n" + GERMAN + "\n\nWij zijn blij!\n";
        given().contentType("text/plain; charset=utf-8").body(article)
                .when().post("/v1/translate")
                .then().statusCode(200)
                .body("paragraphs[0].target", equalTo("The cat sits on the mat."))
                .body("paragraphs[0].detectedLanguage", nullValue())
                .body("paragraphs[1].target", equalTo(ENGLISH))
                .body("paragraphs[1].detectedLanguage", equalTo("en"))
                .body("paragraphs[1].sentences[0].target", equalTo(ENGLISH))
                .body("paragraphs[2].target", equalTo(GERMAN))
                .body("paragraphs[2].detectedLanguage", equalTo("de"))
                .body("paragraphs[3].target", equalTo("We are happy!"))
                .body("paragraphs[3].detectedLanguage", nullValue());
    }

    @Test
    void shortParagraphsCountAsDutch() {
        given().contentType("text/plain; charset=utf-8").body("Ik lees een boek.")
                .when().post("/v1/translate")
                .then().statusCode(200).body("paragraphs[0].target", equalTo("I read a book."))
                .body("paragraphs[0].detectedLanguage", nullValue());
    }

    @Test
    void autoSourceReportsTheLanguageAndKeepsTheText() {
        given().contentType("application/json").body("{\"q\": \"" + ENGLISH + "\", \"source\": \"auto\", \"target\": \"en\"}")
                .when().post("/translate")
                .then().statusCode(200).body("translatedText", equalTo(ENGLISH))
                .body("detectedLanguage.language", equalTo("en"));
        given().formParam("text", ENGLISH).formParam("target_lang", "EN-GB")
                .when().post("/v2/translate")
                .then().statusCode(200).body("translations[0].text", equalTo(ENGLISH))
                .body("translations[0].detected_source_language", equalTo("EN"));
        given().formParam("text", "De kat zit op de mat.").formParam("target_lang", "EN-GB")
                .when().post("/v2/translate")
                .then().statusCode(200).body("translations[0].detected_source_language", equalTo("NL"));
    }
}
