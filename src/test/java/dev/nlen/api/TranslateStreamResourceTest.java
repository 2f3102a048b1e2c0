package dev.nlen.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nlen.testing.Expected;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /v1/translate/stream: paragraphs as Server-Sent Events, in order, then the stats; a client gone cancels. */
@QuarkusTest
class TranslateStreamResourceTest {

    private static final List<Expected> ROWS = Expected.translations();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1/translate/stream")
    URI stream;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Event(String name, String id, JsonNode data) {}

    @Test
    void paragraphsArriveInOrderThenTheStats() throws Exception {
        StringBuilder article = new StringBuilder();
        for (Expected row : ROWS) {
            article.append(row.dutch()).append("\n\n");
        }
        List<Event> events = readAll(post(article.toString(), "text/plain; charset=utf-8"));

        assertEquals("start", events.getFirst().name());
        assertEquals(ROWS.size(), events.getFirst().data().get("paragraphs").asInt());
        for (int p = 0; p < ROWS.size(); p++) {
            Event event = events.get(p + 1);
            assertEquals("paragraph", event.name());
            assertEquals(String.valueOf(p), event.id());
            assertEquals(p, event.data().get("index").asInt());
            assertEquals(ROWS.get(p).dutch(), event.data().get("source").asText());
            assertEquals(ROWS.get(p).first(), event.data().get("target").asText());
            assertTrue(event.data().at("/sentences/0/meanLogProb").isNumber(), "sentence score exposed");
        }
        Event last = events.getLast();
        assertEquals(ROWS.size() + 2, events.size());
        assertEquals("stats", last.name());
        assertEquals(ROWS.size(), last.data().at("/stats/paragraphs").asInt());
        assertEquals("nl", last.data().get("sourceLang").asText());
        assertEquals("fp32", last.data().at("/model/precision").asText());
    }

    @Test
    void jsonRequestsWithOptionsStreamToo() throws Exception {
        List<Event> events = readAll(post("{\"text\": \"" + ROWS.get(1).dutch() + "\", \"options\": {\"beams\": 1}}",
                "application/json"));
        assertEquals(List.of("start", "paragraph", "stats"), events.stream().map(Event::name).toList());
        assertEquals(ROWS.get(1).first(), events.get(1).data().get("target").asText());
    }

    @Test
    void badRequestsAreRefusedBeforeTheStreamAsByTranslate() {
        given().contentType("text/plain; charset=utf-8").body("  \n ").when().post("/v1/translate/stream")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("text"));
        given().contentType("application/json").body("{\"text\": \"kat\", \"options\": {\"beams\": 17}}")
                .when().post("/v1/translate/stream")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("options.beams"));
        given().contentType("text/plain; charset=utf-8").body("kat\n\n".repeat(51)).when().post("/v1/translate/stream")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE).body("limit", equalTo(50));
        given().contentType("application/xml").body("<kat/>").when().post("/v1/translate/stream")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aClientThatDisconnectsCancelsTheRest() throws Exception {
        double before = cancelledStreams();
        HttpResponse<InputStream> response = post(bigArticle(), "application/json");
        try (BufferedReader reader = reader(response)) {
            Event first;
            do {
                first = next(reader);
            } while (first != null && !"paragraph".equals(first.name()));
            assertEquals("0", first.id());
        } // closing the body before its end drops the connection
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (cancelledStreams() <= before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before + 1, cancelledStreams(), "the server gave up the rest of the article");
        // the service is still there for the next client
        List<Event> events = readAll(post(ROWS.get(1).dutch(), "text/plain; charset=utf-8"));
        assertEquals("stats", events.getLast().name());
    }

    /** 50 paragraphs of distinct sentences under beams 16: seconds of work on the test model. */
    private static String bigArticle() throws IOException {
        List<String> words = List.of("de kat", "de hond", "het huis", "de tuin", "een boek", "de mat", "de bank");
        List<String> verbs = List.of("zit op", "ligt in", "is", "ligt op", "zit in");
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (int p = 0; p < 50; p++) {
            for (int s = 0; s < 7; s++, n++) {
                String subject = words.get(n % words.size());
                text.append(Character.toUpperCase(subject.charAt(0))).append(subject.substring(1)).append(' ')
                        .append(verbs.get(n / words.size() % verbs.size())).append(' ')
                        .append(words.get(n / 35 % words.size())).append(" en ").append(words.get(n / 7 % words.size()))
                        .append(". ");
            }
            text.append("\n\n");
        }
        return JSON.writeValueAsString(JSON.createObjectNode().put("text", text.toString())
                .set("options", JSON.createObjectNode().put("beams", 16).put("maxNewTokens", 511)));
    }

    private double cancelledStreams() throws Exception {
        String body = client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(line -> line.startsWith("translator_stream_cancelled_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private HttpResponse<InputStream> post(String body, String type) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(stream)
                .header("Content-Type", type).header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return response;
    }

    private static BufferedReader reader(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    private static List<Event> readAll(HttpResponse<InputStream> response) throws IOException {
        List<Event> events = new ArrayList<>();
        try (BufferedReader reader = reader(response)) {
            for (Event event = next(reader); event != null; event = next(reader)) {
                events.add(event);
            }
        }
        return events;
    }

    /** One event of the SSE wire format, or null at the end of the stream. */
    private static Event next(BufferedReader reader) throws IOException {
        String name = "message";
        String id = null;
        StringBuilder data = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(name, id, JSON.readTree(data.toString()));
                }
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> { }
            }
        }
        return null;
    }
}
