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
 * library a second time in one JVM, so "let through" is 200 or the not-ready 503 here, never 401/403/429. The key
 * and the client's budgets are checked before readiness, so every refusal here is the one a ready server gives.
 */
@QuarkusTest
@TestProfile(SecurityTest.Keys.class)
class SecurityTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    public static final class Keys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("translator.security.api-keys", "alpha-key,beta-key,delta-key",
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
    void theStreamNeedsAKeyToo() {
        given().contentType("text/plain; charset=utf-8").body("De kat.").when().post("/v1/translate/stream")
                .then().statusCode(401).contentType("application/problem+json").body("field", equalTo("Authorization"));
    }

    @Test
    void deeplTakesItsOwnAuthHeader() {
        given().formParam("text", "De kat.").formParam("target_lang", "EN").when().post("/v2/translate")
                .then().statusCode(403).contentType("application/json").body("message", containsString("auth_key"));
        given().header("Authorization", "DeepL-Auth-Key gamma-key").formParam("text", "De kat.")
                .formParam("target_lang", "EN").when().post("/v2/translate").then().statusCode(403);
        given().header("Authorization", "DeepL-Auth-Key alpha-key").formParam("text", "De kat.")
                .formParam("target_lang", "EN").when().post("/v2/translate")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 503));
    }

    @Test
    void deeplClientSeesABadKeyAsAuthorizationException() {
        var client = new com.deepl.api.Translator("gamma-key", new com.deepl.api.TranslatorOptions()
                .setServerUrl(base.toString().replaceAll("/$", "")).setMaxRetries(0));
        org.junit.jupiter.api.Assertions.assertThrows(com.deepl.api.AuthorizationException.class,
                () -> client.translateText("De kat zit op de mat.", "nl", "en-GB"));
    }

    @Test
    void libreTranslateTakesApiKey() {
        given().contentType("application/json").body("{\"q\":\"De kat.\",\"source\":\"nl\",\"target\":\"en\"}")
                .when().post("/translate").then().statusCode(403).body("error", equalTo("Invalid API key"));
        given().contentType("application/json")
                .body("{\"q\":\"De kat.\",\"source\":\"nl\",\"target\":\"en\",\"api_key\":\"gamma-key\"}")
                .when().post("/translate").then().statusCode(403).body("error", equalTo("Invalid API key"));
        given().contentType("application/json")
                .body("{\"q\":\"De kat.\",\"source\":\"nl\",\"target\":\"en\",\"api_key\":\"alpha-key\"}")
                .when().post("/translate").then().statusCode(org.hamcrest.Matchers.oneOf(200, 503));
        given().formParam("q", "De kat zit op de mat.").when().post("/detect").then().statusCode(403);
        given().when().get("/frontend/settings").then().statusCode(200).body("keyRequired", equalTo(true));
    }

    @Test
    void libreTranslateCharactersCountInTheSameBudget() {
        String forty = "De hond ligt in de mand. De hond ligt in de";   // 43 characters of a 60-per-minute budget
        String body = "{\"q\":\"" + forty + "\",\"source\":\"nl\",\"target\":\"en\",\"api_key\":\"%s\"}";
        // a third key's budget: alpha's and beta's are used by the other tests
        given().contentType("application/json").body(body.formatted("delta-key")).when().post("/translate")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 503));
        given().contentType("application/json").body(body.formatted("delta-key")).when().post("/translate")
                .then().statusCode(429).header("Retry-After", not(equalTo(null)))
                .body("error", containsString("characters per minute"));
    }

    @Test
    void corsWhenConfigured() {
        given().header("Origin", "https://news.example").header("Access-Control-Request-Method", "POST")
                .when().options("/v1/translate")
                .then().header("Access-Control-Allow-Origin", "https://news.example");
    }
}
