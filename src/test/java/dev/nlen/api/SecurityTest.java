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

/**
 * API keys, per-client rate limits and CORS when configured. A restarted profile cannot load ONNX Runtime's JNI
 * library a second time in one JVM, so "let through" is 200 or the not-ready 503 here, never 401/403/429.
 */
@QuarkusTest
@TestProfile(SecurityTest.Keys.class)
class SecurityTest {

    public static final class Keys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("translator.security.api-keys", "alpha-key,beta-key",
                    "translator.security.protect-metrics", "true",
                    "translator.security.rate-limit.requests-per-minute", "1000",
                    "translator.security.rate-limit.characters-per-minute", "60",
                    "quarkus.http.cors.enabled", "true",
                    "quarkus.http.cors.origins", "https://news.example");
        }
    }

    @Test
    void noKeyIs401() {
        given().contentType("text/plain; charset=utf-8").body("De kat.").when().post("/v1/translate")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void aWrongKeyIs403() {
        given().auth().oauth2("gamma-key").contentType("text/plain; charset=utf-8").body("De kat.")
                .when().post("/v1/translate")
                .then().statusCode(403).contentType("application/problem+json").body(not(containsString("alpha")));
    }

    @Test
    void aGoodKeyTranslates() {
        given().auth().oauth2("alpha-key").contentType("text/plain; charset=utf-8").body("De kat zit op de mat.")
                .when().post("/v1/translate")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 503));
    }

    @Test
    void metricsNeedAKey() {
        given().when().get("/q/metrics").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("beta-key").when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void charactersPerMinuteAre429WithRetryAfter() {
        String forty = "De kat zit op de mat. De kat zit op de mat";   // 42 characters of a 60-per-minute budget
        given().auth().oauth2("beta-key").contentType("text/plain; charset=utf-8").body(forty)
                .when().post("/v1/translate").then().statusCode(org.hamcrest.Matchers.oneOf(200, 503));
        given().auth().oauth2("beta-key").contentType("text/plain; charset=utf-8").body(forty)
                .when().post("/v1/translate")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", not(equalTo(null)))
                .body("field", equalTo("characters-per-minute"));
    }

    @Test
    void corsWhenConfigured() {
        given().header("Origin", "https://news.example").header("Access-Control-Request-Method", "POST")
                .when().options("/v1/translate")
                .then().header("Access-Control-Allow-Origin", "https://news.example");
    }
}
