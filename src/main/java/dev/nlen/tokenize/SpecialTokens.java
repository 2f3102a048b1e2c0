package dev.nlen.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The special tokens as Hugging Face's slow tokenizer knows them: {@code tokenizer_config.json}, overridden by
 * {@code special_tokens_map.json} (as {@code from_pretrained} does), plus {@code additional_special_tokens}.
 * Nothing is assumed: a model directory that names no eos or unk token is rejected.
 */
record SpecialTokens(String unk, String eos, Set<String> all, boolean cleanUpTokenizationSpaces) {

    static final String TOKENIZER_CONFIG = "tokenizer_config.json";
    static final String SPECIAL_TOKENS_MAP = "special_tokens_map.json";
    private static final String[] KEYS =
            {"bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"};

    SpecialTokens {
        all = Set.copyOf(all);
    }

    /** Reads both files; {@code extra} adds special strings found elsewhere (tokenizer.json's added_tokens). */
    static SpecialTokens read(Path modelDir, Set<String> extra) {
        Optional<JsonNode> config = JsonFiles.readOptionalObject(modelDir.resolve(TOKENIZER_CONFIG));
        Optional<JsonNode> map = JsonFiles.readOptionalObject(modelDir.resolve(SPECIAL_TOKENS_MAP));
        Map<String, String> named = new LinkedHashMap<>();
        Set<String> all = new LinkedHashSet<>();
        config.ifPresent(node -> collect(node, modelDir.resolve(TOKENIZER_CONFIG), named, all));
        map.ifPresent(node -> collect(node, modelDir.resolve(SPECIAL_TOKENS_MAP), named, all));
        all.addAll(named.values());
        all.addAll(extra);
        String unk = required(named, "unk_token", modelDir);
        String eos = required(named, "eos_token", modelDir);
        boolean cleanUp = config.map(node -> node.path("clean_up_tokenization_spaces").asBoolean(true)).orElse(true);
        return new SpecialTokens(unk, eos, all, cleanUp);
    }

    private static void collect(JsonNode node, Path file, Map<String, String> named, Set<String> all) {
        for (String key : KEYS) {
            JsonNode value = node.get(key);
            if (value != null && !value.isNull()) {
                named.put(key, content(value, file, key));
            }
        }
        JsonNode additional = node.path("additional_special_tokens");
        if (additional.isArray()) {
            additional.forEach(value -> all.add(content(value, file, "additional_special_tokens")));
        }
    }

    /** A token is a string or an AddedToken object {@code {"content": ...}}. */
    private static String content(JsonNode value, Path file, String key) {
        JsonNode text = value.isObject() ? value.get("content") : value;
        if (text == null || !text.isTextual() || text.asText().isEmpty()) {
            throw new TokenizerLoadException(file, key + " is not a token string: " + value);
        }
        return text.asText();
    }

    private static String required(Map<String, String> named, String key, Path modelDir) {
        String token = named.get(key);
        if (token == null) {
            throw new TokenizerLoadException(modelDir.resolve(TOKENIZER_CONFIG),
                    key + " is named neither here nor in " + SPECIAL_TOKENS_MAP);
        }
        return token;
    }
}
