package dev.nlen.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzing the HTTP layer with jqwik's generators (inside a @QuarkusTest, so sampled rather than a @Property): random
 * text, broken JSON and options around their limits. Invariant: 2xx whose paragraphs' slices are exact, or a 4xx
 * problem body; never a 5xx. Bounded tries keep the CI run short.
 */
@QuarkusTest
class HttpFuzzTest {

    private static final int TRIES = 40;

    @TestFactory
    Stream<DynamicTest> randomTextIsTranslatedExactlyOrRefused() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(80)
                        .filter(t -> TextChecks.loneSurrogate(t) < 0),   // a client cannot send those as UTF-8
                Arbitraries.of("De kat zit op de mat.", "\u00a0", "De kat.\n\n\nDe hond.", "", " \t", "1. De kat.\n2. Hond")
                        .list().ofMaxSize(4).map(parts -> String.join("\n\n", parts)));
        return text.sampleStream().limit(TRIES).map(t -> DynamicTest.dynamicTest(visible(t), () -> plain(t)));
    }

    @TestFactory
    Stream<DynamicTest> brokenJsonAndOptionsAreRefusedCleanly() {
        Arbitrary<String> number = Arbitraries.of("-1", "0", "1", "2", "15", "16", "17", "510", "511", "512", "1e3",
                "2.5", "\"6\"", "null", "true", "99999999999");
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\":,\\ textopinsbamu0123456789").ofMaxLength(60),
                Arbitraries.of("beams", "maxNewTokens", "alternatives", "beam").flatMap(name -> number.map(value ->
                        "{\"text\":\"De kat.\",\"options\":{\"" + name + "\":" + value + "}}")),
                Arbitraries.of("{\"text\":\"De kat.\"}").map(b -> b + " x"));
        return body.sampleStream().limit(TRIES).map(b -> DynamicTest.dynamicTest(b.isBlank() ? "(blank)" : b, () -> json(b)));
    }

    private static void plain(String text) {
        Response response = given().contentType("text/plain; charset=utf-8").body(text).when().post("/v1/translate");
        check(response);
        if (response.statusCode() == 200) {
            List<Integer> starts = response.path("paragraphs.sentences.flatten().start");
            List<Integer> ends = response.path("paragraphs.sentences.flatten().end");
            List<String> sources = response.path("paragraphs.sentences.flatten().source");
            int previous = 0;
            for (int i = 0; i < sources.size(); i++) {
                assertTrue(starts.get(i) >= previous, "sentences in order");
                int from = text.offsetByCodePoints(0, starts.get(i));
                int to = text.offsetByCodePoints(0, ends.get(i));
                assertEquals(text.substring(from, to), sources.get(i), "a sentence is its slice of the input");
                previous = ends.get(i);
            }
        }
    }

    private static void json(String body) {
        check(given().contentType("application/json").body(body).when().post("/v1/translate"));
    }

    private static void check(Response response) {
        int status = response.statusCode();
        assertTrue(status == 200 || status >= 400 && status < 500, "status " + status + ": " + response.asString());
        if (status >= 400) {
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            assertEquals(Integer.valueOf(status), response.path("status"));
        }
    }

    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c)
                : String.format("\\u%04x", c)));
        return out.toString().isBlank() ? "(blank)" : out.toString();
    }
}
