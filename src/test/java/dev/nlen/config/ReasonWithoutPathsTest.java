package dev.nlen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Readiness tells why the model is not ready without showing where the server keeps its files. */
class ReasonWithoutPathsTest {

    @Test
    void theModelFolderAndOtherAbsolutePathsAreReducedToNames() {
        Path dir = Path.of("/srv/models/opus-mt-nl-en");
        assertEquals("config.json: vocab_size is missing",
                TranslatorRuntime.withoutPaths("/srv/models/opus-mt-nl-en/config.json: vocab_size is missing", dir));
        assertEquals("the model folder: no such folder",
                TranslatorRuntime.withoutPaths("/srv/models/opus-mt-nl-en: no such folder", dir));
        assertEquals("no onnxruntime in libonnxruntime.so",
                TranslatorRuntime.withoutPaths("no onnxruntime in /usr/lib/x86_64/libonnxruntime.so", dir));
        assertEquals("onnx/encoder_model.onnx: bad graph", TranslatorRuntime.withoutPaths(
                Path.of("models/x").toAbsolutePath() + "/onnx/encoder_model.onnx: bad graph", Path.of("models/x")));
    }
}
