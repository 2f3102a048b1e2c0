package dev.nlen.api.libre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The npm {@code libretranslate} client (1.0.1, pinned in src/test/resources/libretranslate-client) driven through
 * node against this service. Installed with {@code npm ci} into target/; skipped with a message only where node or
 * npm is missing or the registry cannot be reached.
 */
@QuarkusTest
class LibreTranslateClientTest {

    private static final Path SOURCE = Path.of("src/test/resources/libretranslate-client");
    private static final Path WORK = Path.of("target/libretranslate-client");

    @TestHTTPResource("/")
    URL base;

    @Test
    void npmClientTranslates() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node/npm not installed: LibreTranslate client test skipped");
        install();
        String server = base.toString().replaceAll("/$", "");
        Run run = run(WORK, 120, "node", "drive.mjs", server);
        assertEquals(0, run.exit(), run.output());
        JsonNode results = new ObjectMapper().readTree(run.output().lines().reduce((a, b) -> b).orElse("{}"));
        assertEquals("The cat sits on the mat.", results.path("dutch").asText(), results.toString());
        assertEquals("I read a book.", results.path("auto").asText(), results.toString());
        assertEquals("We are happy! A child eats bread.", results.path("text").asText(), results.toString());
        // the client checks target languages against GET /languages itself
        assertTrue(results.path("unknownTarget").path("error").asText().contains("not found"), results.toString());
    }

    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "drive.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(WORK.resolve("node_modules/libretranslate"))) {
            return;
        }
        Run npm = run(WORK, 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        assumeTrue(npm.exit() == 0, () -> "npm could not install the libretranslate client (no registry?), "
                + "test skipped:\n" + npm.output());
    }

    private record Run(int exit, String output) {}

    private static Run run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("libretranslate-client", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(finished ? process.exitValue() : -1, output);
    }

    private static boolean onPath(String tool) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }
}
