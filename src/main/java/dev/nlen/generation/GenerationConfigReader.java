package dev.nlen.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads decoding defaults from {@code generation_config.json} (or, for old exports, {@code config.json}), with
 * Hugging Face {@code GenerationConfig}'s own defaults for the fields a file leaves out, and no length guard: what
 * the file says is what {@code generate} does, token for token. The service adds {@link LengthGuard#DEFAULT}
 * (its configuration may change it); the command line adds one when asked ({@code --max-length-factor}).
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
        refuseUnimplemented(json);
        long eos = requiredId(json, "eos_token_id");
        List<Long> eosIds = ids(json.get("eos_token_id"));
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
                badWords(json.get("bad_words_ids"), eosIds),
                forcedEos(json.get("forced_eos_token_id")),
                json.path("renormalize_logits").asBoolean(false),
                eos,
                pad,
                json.hasNonNull("decoder_start_token_id") ? json.get("decoder_start_token_id").asLong() : pad,
                eosIds,
                LengthGuard.OFF);
    }

    /**
     * Fields of Hugging Face {@code GenerationConfig} this engine does not implement, each with the value that means
     * "off": a file that turns one on is refused, since ignoring it would silently decode something else.
     */
    private static final Map<String, Predicate<JsonNode>> UNIMPLEMENTED = unimplemented();

    private static Map<String, Predicate<JsonNode>> unimplemented() {
        Predicate<JsonNode> absent = node -> node.isNull();
        Predicate<JsonNode> emptyOrAbsent = node -> node.isNull() || (node.isContainerNode() && node.isEmpty());
        Map<String, Predicate<JsonNode>> off = new LinkedHashMap<>();
        off.put("do_sample", node -> node.isNull() || !node.asBoolean());
        off.put("num_beam_groups", node -> node.isNull() || node.asInt() <= 1);
        off.put("diversity_penalty", node -> node.isNull() || node.asDouble() == 0.0);
        off.put("penalty_alpha", absent);
        off.put("suppress_tokens", emptyOrAbsent);
        off.put("begin_suppress_tokens", emptyOrAbsent);
        off.put("sequence_bias", emptyOrAbsent);
        off.put("forced_bos_token_id", absent);
        off.put("forced_decoder_ids", emptyOrAbsent);
        off.put("force_words_ids", emptyOrAbsent);
        off.put("constraints", emptyOrAbsent);
        off.put("encoder_no_repeat_ngram_size", node -> node.isNull() || node.asInt() == 0);
        off.put("encoder_repetition_penalty", node -> node.isNull() || node.asDouble() == 1.0);
        off.put("exponential_decay_length_penalty", absent);
        off.put("remove_invalid_values", node -> node.isNull() || !node.asBoolean());
        off.put("guidance_scale", node -> node.isNull() || node.asDouble() == 1.0);
        off.put("max_time", absent);
        off.put("stop_strings", emptyOrAbsent);
        off.put("watermarking_config", absent);
        off.put("assistant_model", absent);
        off.put("prompt_lookup_num_tokens", absent);
        return off;
    }

    private static void refuseUnimplemented(JsonNode json) {
        List<String> on = new ArrayList<>();
        UNIMPLEMENTED.forEach((field, isOff) -> {
            JsonNode node = json.get(field);
            if (node != null && !isOff.test(node)) {
                on.add(field + "=" + node);
            }
        });
        if (!on.isEmpty()) {
            throw new IllegalArgumentException("generation settings this engine does not implement: "
                    + String.join(", ", on) + " (remove them or set them to their defaults)");
        }
        JsonNode forcedEos = json.get("forced_eos_token_id");
        if (forcedEos != null && forcedEos.isArray() && forcedEos.size() > 1) {
            throw new IllegalArgumentException("a list-valued forced_eos_token_id " + forcedEos
                    + " is not implemented (give one id)");
        }
    }

    private static long forcedEos(JsonNode node) {
        return node == null || node.isNull() || (node.isArray() && node.isEmpty()) ? -1 : firstId(node);
    }

    /** An id or a list of ids. */
    private static List<Long> ids(JsonNode node) {
        List<Long> ids = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(id -> ids.add(id.asLong()));
        } else {
            ids.add(node.asLong());
        }
        return ids;
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

    /** As Hugging Face's {@code NoBadWordsLogitsProcessor}: an entry that is just an eos id is dropped. */
    private static List<List<Long>> badWords(JsonNode node, List<Long> eosIds) {
        List<List<Long>> sequences = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode sequence : node) {
                List<Long> ids = new ArrayList<>();
                sequence.forEach(id -> ids.add(id.asLong()));
                if (!(ids.size() == 1 && eosIds.contains(ids.getFirst()))) {
                    sequences.add(ids);
                }
            }
        }
        return sequences;
    }
}
