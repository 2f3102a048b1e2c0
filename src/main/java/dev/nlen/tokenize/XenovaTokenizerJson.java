package dev.nlen.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The JSON path: only a transformers.js-style {@code tokenizer.json}, read defensively. DJL never sees the file
 * itself: its Unigram vocab (pieces, scores) is checked and re-emitted through {@link UnigramTokenizerJson}, so
 * no quirk of the export can reach the Rust code — in particular not the {@code Precompiled} normalizer whose
 * {@code precompiled_charsmap} is null (Rust panics on it, huggingface/tokenizers#1627, and under DJL that panic
 * aborts the JVM). With a null charsmap the nmt_nfkc rules run in Java ({@link NmtNfkc}), as transformers.js does;
 * a real charsmap is validated and kept.
 *
 * <p>The unknown id. The converter writes {@code unk_id} 2, which in this vocab is the real piece {@code s},
 * not {@code <unk>}. transformers.js then never uses {@code s} as a piece ("leiders" → {@code ▁le id ers}); Rust
 * scores {@code s} like any piece but treats it as the unknown token when fusing unknown runs, so {@code ss}
 * becomes one token and {@code s中} becomes one token with the id of {@code s} (measured with DJL 0.38 on the
 * stand-in). SentencePiece, which the model was trained with, knows {@code s} as an ordinary piece and
 * {@code <unk>} as the unknown one. We follow SentencePiece: unk_id is set to the index of tokenizer_config.json's
 * unk_token, so {@code s} is ordinary ("leiders" → {@code ▁ leider s}, as the source.spm gives) and unknown
 * characters get {@code <unk>}'s id. What still differs from training is the export's own vocab — scores are the
 * max of source and target, target-only pieces are reachable — which only the SPM path avoids.
 */
final class XenovaTokenizerJson {

    static final String TOKENIZER_JSON = "tokenizer.json";

    private XenovaTokenizerJson() {}

    static MarianTokenizer create(Path modelDir) {
        Path file = modelDir.resolve(TOKENIZER_JSON);
        JsonNode root = JsonFiles.readObject(file);
        JsonNode model = root.path("model");
        if (!"Unigram".equals(model.path("type").asText())) {
            throw new TokenizerLoadException(file, "model.type must be Unigram, found " + model.path("type"));
        }
        String[] strings = vocabStrings(model.path("vocab"), file);
        double[] scores = vocabScores(model.path("vocab"), file);
        SpecialTokens specials = SpecialTokens.read(modelDir, addedSpecialTokens(root, file));
        Vocabulary vocab = Vocabulary.fromPieces(strings);
        int unkId = requiredIndex(vocab, specials.unk(), file);
        int eosId = requiredIndex(vocab, specials.eos(), file);

        String[] rustPieces = new String[strings.length];
        Set<String> seen = new HashSet<>();
        boolean[] invisible = new boolean[strings.length];
        for (int id = 0; id < strings.length; id++) {
            boolean special = specials.all().contains(strings[id]);
            invisible[id] = special;
            boolean usable = !special && !strings[id].isEmpty() && seen.add(strings[id]);
            rustPieces[id] = usable ? strings[id] : UnigramTokenizerJson.placeholder(id);
            scores[id] = usable ? scores[id] : 0.0;
        }
        byte[] charsmap = charsmap(root.path("normalizer"), file);
        UnaryOperator<String> javaNormalizer = charsmap.length > 0 ? UnaryOperator.identity() : NmtNfkc::normalize;
        var added = new MarianTokenizer.AddedTokens(rustPieces.length, List.copyOf(specials.all()));
        String json = UnigramTokenizerJson.build(rustPieces, scores, unkId, added.contents(), charsmap,
                UnigramTokenizerJson.Whitespace.NMT_DEFAULT);
        TargetDecoder decoder = new TargetDecoder(strings, invisible, specials.cleanUpTokenizationSpaces());
        return new MarianTokenizer(RustTokenizers.fromJson(json, added, file), added, vocab, unkId, eosId,
                javaNormalizer, decoder);
    }

    private static String[] vocabStrings(JsonNode vocab, Path file) {
        if (!vocab.isArray() || vocab.isEmpty()) {
            throw new TokenizerLoadException(file, "model.vocab must be a non-empty array of [piece, score]");
        }
        String[] strings = new String[vocab.size()];
        for (int id = 0; id < strings.length; id++) {
            JsonNode entry = vocab.get(id);
            if (!entry.isArray() || entry.size() != 2 || !entry.get(0).isTextual() || !entry.get(1).isNumber()) {
                throw new TokenizerLoadException(file, "model.vocab[" + id + "] is not [piece, score]: " + entry);
            }
            strings[id] = entry.get(0).asText();
        }
        return strings;
    }

    private static double[] vocabScores(JsonNode vocab, Path file) {
        double[] scores = new double[vocab.size()];
        for (int id = 0; id < scores.length; id++) {
            scores[id] = vocab.get(id).get(1).asDouble();
            if (!Double.isFinite(scores[id])) {
                throw new TokenizerLoadException(file, "model.vocab[" + id + "] has score " + scores[id]);
            }
        }
        return scores;
    }

    private static Set<String> addedSpecialTokens(JsonNode root, Path file) {
        Set<String> specials = new LinkedHashSet<>();
        JsonNode added = root.path("added_tokens");
        if (!added.isMissingNode() && !added.isNull() && !added.isArray()) {
            throw new TokenizerLoadException(file, "added_tokens must be an array");
        }
        for (JsonNode token : added) {
            if (token.path("special").asBoolean(false) && token.path("content").isTextual()
                    && !token.path("content").asText().isEmpty()) {
                specials.add(token.path("content").asText());
            }
        }
        return specials;
    }

    /** The charsmap of a {@code Precompiled} normalizer, or none (null charsmap, other or no normalizer). */
    private static byte[] charsmap(JsonNode normalizer, Path file) {
        JsonNode map = normalizer.path("precompiled_charsmap");
        if (!"Precompiled".equals(normalizer.path("type").asText()) || !map.isTextual() || map.asText().isEmpty()) {
            return new byte[0];
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(map.asText());
        } catch (IllegalArgumentException e) {
            throw new TokenizerLoadException(file, "normalizer.precompiled_charsmap is not base64", e);
        }
        PrecompiledCharsmap.validate(bytes, file);
        return bytes;
    }

    private static int requiredIndex(Vocabulary vocab, String token, Path file) {
        int id = vocab.idOf(token, -1);
        if (id < 0) {
            throw new TokenizerLoadException(file, "special token " + token + " is not in model.vocab");
        }
        return id;
    }
}
