package dev.nlen.tokenize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the JSON files of a model directory, turning every failure into a {@link TokenizerLoadException}. */
final class JsonFiles {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFiles() {}

    static JsonNode readObject(Path file) {
        return readOptionalObject(file).orElseThrow(() -> new TokenizerLoadException(file, "file not found"));
    }

    /** The file's JSON object, or empty when the file does not exist. */
    static Optional<JsonNode> readOptionalObject(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new TokenizerLoadException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TokenizerLoadException(file, "cannot read: " + e, e);
        }
        if (node == null || !node.isObject()) {
            throw new TokenizerLoadException(file, "expected a JSON object");
        }
        return Optional.of(node);
    }
}
