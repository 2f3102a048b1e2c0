package dev.nlen.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs one of the project's ops scripts with a bounded wait; stdout and stderr together. */
record ScriptProcess(int exitCode, String output) {

    /** Skips the calling test (with a message) where a tool the script needs is not on PATH. */
    static void assumeTools(String... tools) {
        for (String tool : tools) {
            boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                    .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
            assumeTrue(found, tool + " is not on PATH (scripts/install-test-packages.sh installs it): test skipped");
        }
    }

    static ScriptProcess run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("bash"));
        line.addAll(List.of(command));
        Path output = Files.createTempFile("ops-script", ".txt");
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            // the script's own trap stops its instances on SIGTERM; children are killed after that
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (!finished) {
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds
                    + " s:\n" + text);
        }
        return new ScriptProcess(process.exitValue(), text);
    }

    /** The value of key=value on the RESULT line the load client prints last. */
    String result(String key) {
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no RESULT line in:\n" + output));
        for (String pair : line.split(" ")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in " + line);
    }
}
