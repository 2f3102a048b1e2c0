package dev.nlen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load client against a stub server on loopback: requests that are still in flight when the time bound hits are
 * "unfinished", not failures (a run cut off by its own time limit is not a broken service).
 */
class LoadClientTest {

    @Test
    void requestsInFlightAtTheTimeBoundAreUnfinishedNotFailed(@TempDir Path articles) throws Exception {
        Files.writeString(articles.resolve("a.txt"), "De kat zit op de mat.");
        AtomicInteger seen = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/translate", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (seen.incrementAndGet() > 3) { // the first three answer at once, the rest outlive the time bound
                sleep(20_000);
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "scripts/load/LoadClient.java", "--url",
                    "http://127.0.0.1:" + server.getAddress().getPort(), "--requests", "20", "--concurrency", "2",
                    "--max-seconds", "3", "--articles", articles.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
            String result = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b).orElseThrow(
                    () -> new AssertionError(output));
            assertTrue(result.contains(" requests=3 "), result);
            assertTrue(result.contains(" failed=0 "), result);
            assertTrue(result.contains(" unfinished=2 "), result);
        } finally {
            server.stop(0);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
