package dev.nlen.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads decoding defaults from {@code generation_config.json} (or, for old exports, {@code config.json}), with
 * Hugging Face {@code GenerationConfig}'s own defaults for the fields a file leaves out.
 */
public final class GenerationConfigReader {

    private GenerationConfigReader() {
    }

    public static GenerationOptions read(Path file) {
        try {
            return fromJson(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static GenerationOptions fromJson(JsonNode json) {
        long eos = requiredId(json, "eos_token_id");
        long pad = json.path("pad_token_id").asLong(eos);
        return new GenerationOptions(
                json.path("num_beams").asInt(1),
                json.path("max_length").asInt(20),
                json.path("max_new_tokens").asInt(0),
                json.path("min_length").asInt(0),
                json.path("min_new_tokens").asInt(0),
                json.path("length_penalty").asDouble(1.0),
                earlyStopping(json.get("early_stopping")),
                json.path("num_return_sequences").asInt(1),
                json.path("no_repeat_ngram_size").asInt(0),
                json.path("repetition_penalty").asDouble(1.0),
                badWords(json.get("bad_words_ids")),
                json.hasNonNull("forced_eos_token_id") ? firstId(json.get("forced_eos_token_id")) : -1,
                json.path("renormalize_logits").asBoolean(false),
                eos,
                pad,
                json.hasNonNull("decoder_start_token_id") ? json.get("decoder_start_token_id").asLong() : pad);
    }

    private static long requiredId(JsonNode json, String field) {
        if (!json.hasNonNull(field)) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return firstId(json.get(field));
    }

    /** Hugging Face allows a list of eos ids; the first one is the one it appends. */
    private static long firstId(JsonNode node) {
        return node.isArray() ? node.get(0).asLong() : node.asLong();
    }

    private static EarlyStopping earlyStopping(JsonNode node) {
        if (node == null || node.isNull()) {
            return EarlyStopping.FALSE;
        }
        if (node.isTextual() && node.asText().equals("never")) {
            return EarlyStopping.NEVER;
        }
        return node.asBoolean() ? EarlyStopping.TRUE : EarlyStopping.FALSE;
    }

    private static List<List<Long>> badWords(JsonNode node) {
        List<List<Long>> sequences = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode sequence : node) {
                List<Long> ids = new ArrayList<>();
                sequence.forEach(id -> ids.add(id.asLong()));
                sequences.add(ids);
            }
        }
        return sequences;
    }
}
