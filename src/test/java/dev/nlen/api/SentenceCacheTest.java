package dev.nlen.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A re-posted article is answered from the sentence cache: no batch reaches the model the second time. */
@QuarkusTest
class SentenceCacheTest {

    private static final Path SEED = Path.of("../shared/seed/article-nl.txt");

    private static double metric(String name) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static String post(String article) {
        return given().contentType("application/json")
                .body("{\"text\": " + com.fasterxml.jackson.databind.node.TextNode.valueOf(article)
                        + ", \"options\": {\"beams\": 1, \"maxNewTokens\": 24}}")
                .when().post("/v1/translate").then().statusCode(200).extract().asString();
    }

    @Test
    void theSecondPostOfTheSeedArticleMakesNoModelCall() throws IOException {
        assumeTrue(Files.isReadable(SEED), "seed article absent at " + SEED.toAbsolutePath() + "; skipping");
        String article = Files.readString(SEED);
        String first = post(article);
        double batches = metric("translator_batch_size_count");
        double hits = metric("translator_cache_hits_total");
        double misses = metric("translator_cache_misses_total");
        String second = post(article);
        assertEquals(batches, metric("translator_batch_size_count"), "no batch decoded for the re-post");
        assertEquals(misses, metric("translator_cache_misses_total"), "no sentence missed");
        assertTrue(metric("translator_cache_hits_total") - hits >= 30, "the seed article's sentences were hits");
        assertEquals(first.replaceAll("\"millis\":\\d+", ""), second.replaceAll("\"millis\":\\d+", ""));
        assertTrue(metric("translator_cache_size") > 0);
    }
}
