package dev.nlen.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the flow of a request and depend one way: each may import only the packages listed here,
 * only tokenize/ sees DJL, only model/ sees ONNX Runtime, only api/ and config/ see Quarkus, Jakarta and friends.
 */
class DependencyDirectionTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/nlen");

    // Map.ofEntries: Map.of stops at ten packages
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("text", Set.of()),
            Map.entry("detect", Set.of()),
            Map.entry("markup", Set.of()),
            Map.entry("tokenize", Set.of()),
            Map.entry("model", Set.of()),
            Map.entry("batching", Set.of()),
            Map.entry("generation", Set.of("model")),
            Map.entry("translation", Set.of("text", "tokenize", "model", "generation", "batching", "markup")),
            Map.entry("format", Set.of("translation")),
            Map.entry("config", Set.of("text", "tokenize", "model", "generation", "batching", "translation", "detect")),
            // batching: its QueueFullException (503, or 429 for a client over its share) is part of the answer
            Map.entry("api", Set.of("config", "format", "generation", "text", "translation", "detect", "markup",
                    "batching")),
            Map.entry("cli", Set.of("text", "tokenize", "model", "generation", "translation", "format", "markup")));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void packagesDependOneWay() throws IOException {
        assertEquals(List.of(), violations());
    }

    private static List<String> violations() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String problem = check(pkg, m.group(1));
                    if (problem != null) {
                        found.add(SOURCES.relativize(file) + ": " + problem);
                    }
                }
            }
        }
        return found;
    }

    private static String check(String pkg, String imported) {
        if (imported.startsWith("dev.nlen.")) {
            String target = imported.substring("dev.nlen.".length()).split("\\.")[0];
            boolean ok = target.equals(pkg) || ALLOWED.getOrDefault(pkg, Set.of()).contains(target);
            return ok ? null : "imports " + imported;
        }
        if (imported.startsWith("ai.djl.") && !pkg.equals("tokenize")) {
            return "only tokenize/ may use DJL: " + imported;
        }
        if (imported.startsWith("org.jsoup.") && !pkg.equals("markup")) {
            return "only markup/ may use jsoup: " + imported;
        }
        if (imported.startsWith("ai.onnxruntime.") && !pkg.equals("model")) {
            return "only model/ may use ONNX Runtime: " + imported;
        }
        boolean container = Stream.of("io.quarkus.", "jakarta.", "org.eclipse.microprofile.", "io.micrometer.",
                "io.smallrye.", "org.jboss.").anyMatch(imported::startsWith);
        return container && !pkg.equals("api") && !pkg.equals("config") ? "container API outside api/config: "
                + imported : null;
    }
}
