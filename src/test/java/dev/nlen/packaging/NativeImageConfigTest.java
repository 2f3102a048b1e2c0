package dev.nlen.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the native-image configuration honest against the ONNX Runtime and DJL jars on the class path:
 * every class and JNI constructor it names exists, and its resource patterns cover the native libraries.
 * (The native build itself needs Docker/Podman; this catches a stale entry after a library upgrade.)
 */
class NativeImageConfigTest {

    private static final String DIR = "META-INF/native-image/dev.nlen/nlen-translator/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyReflectiveClassExists() throws Exception {
        for (JsonNode entry : read("reflect-config.json")) {
            load(entry.get("name").asText());
        }
    }

    @Test
    void everyJniConstructorExistsWithItsParameterTypes() throws Exception {
        List<String> checked = new ArrayList<>();
        for (JsonNode entry : read("jni-config.json")) {
            Class<?> type = load(entry.get("name").asText());
            for (JsonNode method : entry.path("methods")) {
                assertEquals("<init>", method.get("name").asText(), "only constructors are called from native code");
                List<Class<?>> parameters = new ArrayList<>();
                for (JsonNode parameter : method.get("parameterTypes")) {
                    parameters.add(typeOf(parameter.asText()));
                }
                type.getDeclaredConstructor(parameters.toArray(Class<?>[]::new));
                checked.add(type.getSimpleName());
            }
        }
        assertTrue(checked.containsAll(List.of("OnnxTensor", "TensorInfo", "NodeInfo", "OrtException", "CharSpan")),
                checked::toString);
    }

    @Test
    void resourcePatternsCoverTheNativeLibraries() throws Exception {
        List<Pattern> patterns = new ArrayList<>();
        for (JsonNode include : read("resource-config.json").get("resources").get("includes")) {
            patterns.add(Pattern.compile(include.get("pattern").asText()));
        }
        for (String resource : List.of("ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so",
                "native/lib/tokenizers.properties",
                "native/lib/linux-x86_64/cpu/libtokenizers.so")) {
            assertNotNull(getClass().getClassLoader().getResource(resource), resource + " is on the class path");
            assertTrue(patterns.stream().anyMatch(p -> p.matcher(resource).matches()), resource + " is included");
        }
    }

    @Test
    void nativeLoadersAreInitializedAtRunTime() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource("native-image.properties")) {
            properties.load(in);
        }
        String args = properties.getProperty("Args");
        assertTrue(args.contains("--initialize-at-run-time=ai.onnxruntime,ai.djl.huggingface.tokenizers.jni"), args);
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return JSON.readTree(in);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = NativeImageConfigTest.class.getClassLoader().getResourceAsStream(DIR + name);
        assertNotNull(in, DIR + name);
        return in;
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, NativeImageConfigTest.class.getClassLoader());
    }

    private static Class<?> typeOf(String name) throws ClassNotFoundException {
        return switch (name) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "long[]" -> long[].class;
            case "java.lang.String[]" -> String[].class;
            default -> load(name);
        };
    }
}
