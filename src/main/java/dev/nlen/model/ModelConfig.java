package dev.nlen.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The architecture facts of {@code config.json} the runtime needs: cache geometry, vocabulary size, position limit
 * and the special ids. Every value is read from the file; none is assumed.
 */
public record ModelConfig(String modelType, int dModel, int encoderLayers, int decoderLayers, int decoderHeads,
                          int vocabSize, int maxPositionEmbeddings, long padTokenId, long eosTokenId,
                          long decoderStartTokenId) {

    public ModelConfig {
        if (dModel <= 0 || decoderHeads <= 0 || dModel % decoderHeads != 0) {
            throw new IllegalArgumentException("d_model " + dModel + " is not a multiple of decoder_attention_heads " + decoderHeads);
        }
        if (encoderLayers <= 0 || decoderLayers <= 0 || vocabSize <= 0 || maxPositionEmbeddings <= 0) {
            throw new IllegalArgumentException("layers, vocab_size and max_position_embeddings must be positive");
        }
    }

    /** Size of one attention head: the last dimension of every cache tensor. */
    public int headDim() {
        return dModel / decoderHeads;
    }

    public static ModelConfig read(Path configJson) {
        JsonNode root = readJson(configJson);
        try {
            return new ModelConfig(
                    root.path("model_type").asText("marian"),
                    required(root, "d_model", configJson),
                    required(root, "encoder_layers", configJson),
                    required(root, "decoder_layers", configJson),
                    required(root, "decoder_attention_heads", configJson),
                    root.has("decoder_vocab_size") && !root.get("decoder_vocab_size").isNull()
                            ? root.get("decoder_vocab_size").asInt() : required(root, "vocab_size", configJson),
                    required(root, "max_position_embeddings", configJson),
                    required(root, "pad_token_id", configJson),
                    required(root, "eos_token_id", configJson),
                    required(root, "decoder_start_token_id", configJson));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(configJson, e.getMessage(), e);
        }
    }

    static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "missing file");
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ModelLoadException(file, "not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static int required(JsonNode root, String field, Path file) {
        JsonNode node = root.get(field);
        if (node == null || !node.canConvertToInt()) {
            throw new ModelLoadException(file, "field '" + field + "' is missing or not an integer");
        }
        return node.asInt();
    }
}
