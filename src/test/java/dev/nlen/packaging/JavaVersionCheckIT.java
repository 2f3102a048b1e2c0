package dev.nlen.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged jar started with an older Java says in one line which Java it needs, and exits 1. */
class JavaVersionCheckIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Test
    void java17IsToldWhichJavaIsNeeded() throws IOException, InterruptedException {
        Path java17 = Stream.of("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/java-17-openjdk")
                .map(home -> Path.of(home, "bin", "java")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(java17 != null, "no Java 17 in /usr/lib/jvm; skipping");
        assumeTrue(Files.isRegularFile(JAR), "no packaged jar at " + JAR + "; skipping");
        Process process = new ProcessBuilder(java17.toString(), "-jar", JAR.toString()).redirectErrorStream(true)
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "Java 17 kept running");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.startsWith("error: the nl-en translator needs Java 25 or newer; this is Java 17"), output);
        assertEquals(1, output.lines().count(), output);
    }
}
