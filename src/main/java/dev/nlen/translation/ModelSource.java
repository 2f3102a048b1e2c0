package dev.nlen.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a model folder came from: {@code model-source.json} written by scripts/download-model.sh
 * ({@code {"repo": ..., "revision": ...}}), else config.json's {@code _name_or_path} and an unknown revision.
 */
record ModelSource(String id, String revision) {

    static ModelSource of(Path modelDir) {
        ObjectMapper json = new ObjectMapper();
        try {
            Path source = modelDir.resolve("model-source.json");
            if (Files.isRegularFile(source)) {
                JsonNode node = json.readTree(source.toFile());
                return new ModelSource(node.path("repo").asText("unknown"), node.path("revision").asText("unknown"));
            }
            JsonNode config = json.readTree(modelDir.resolve("config.json").toFile());
            return new ModelSource(config.path("_name_or_path").asText(modelDir.getFileName().toString()), "unknown");
        } catch (IOException e) {
            return new ModelSource(modelDir.getFileName().toString(), "unknown");
        }
    }
}
