package dev.nlen.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The service's other doors: languages, model, health, metrics, OpenAPI. */
@QuarkusTest
class ServiceEndpointsTest {

    @Test
    void languagesAreDutchToEnglish() {
        given().when().get("/v1/languages")
                .then().statusCode(200)
                .body("source", hasItem("nl")).body("target", hasItem("en"))
                .body("pairs[0].source", equalTo("nl")).body("pairs[0].target", equalTo("en"));
    }

    @Test
    void modelDescribesPrecisionDeviceLimitsAndDefaults() {
        given().when().get("/v1/model")
                .then().statusCode(200)
                .body("precision", equalTo("fp32")).body("device", equalTo("cpu"))
                .body("limits.maxCharacters", equalTo(20_000)).body("limits.maxBeams", equalTo(16))
                .body("limits.maxSourceTokensPerSentence", greaterThan(0))
                .body("generation.beams", equalTo(6)).body("generation.renormalizeLogits", equalTo(true))
                .body("generation.maxLengthFactor", equalTo(3.0f)).body("generation.maxLengthOffset", equalTo(10));
    }

    @Test
    void readyOnlyOnceTheModelIsLoadedAndWarm() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'model' }.data.state", equalTo("ready"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountRequestsSentencesTokensAndBatches() {
        given().contentType("text/plain; charset=utf-8").body("Hallo.").when().post("/v1/translate").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("translator_requests_total"))
                .body(containsString("translator_sentences_total"))
                .body(containsString("translator_generated_tokens_total"))
                .body(containsString("translator_batch_size_bucket"))
                .body(containsString("translator_request_latency_seconds_bucket"));
    }

    @Test
    void openApiDocumentsTheTranslateEndpointWithExamples() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/v1/translate")).body(containsString("application/x-tmx+xml"))
                .body(containsString("Goedemorgen"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
