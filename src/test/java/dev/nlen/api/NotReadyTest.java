package dev.nlen.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model folder that does not load: 503 with Retry-After, and nothing of the server's file system in the answer. */
@QuarkusTest
@TestProfile(NotReadyTest.MissingModel.class)
class NotReadyTest {

    public static final class MissingModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("translator.model.dir", "target/no-such-model-folder");
        }
    }

    @Test
    void translateIs503WithRetryAfterAndNoPath() {
        given().contentType("text/plain; charset=utf-8").body("De kat.")
                .when().post("/v1/translate")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", not(equalTo(null)))
                .body("title", equalTo("Model not ready"))
                .body(not(containsString("no-such-model-folder"))).body(not(containsString("/work")));
    }

    @Test
    void modelIs503WithRetryAfter() {
        given().when().get("/v1/model")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", not(equalTo(null)))
                .body(not(containsString("no-such-model-folder")));
    }

    @Test
    void readinessSaysWhyWithoutTheModelsPath() {
        String body = given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks[0].data.state", equalTo("failed"))
                .body("checks[0].data.error", not(equalTo(null)))
                .extract().asString();
        String absolute = java.nio.file.Path.of("target/no-such-model-folder").toAbsolutePath().toString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains(absolute), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("no-such-model-folder"), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("/work"), body);
    }
}
