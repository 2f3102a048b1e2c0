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
 * a real charsmap is validated and applied in Java ({@link PrecompiledCharsmap}).
 *
 * <p>The unknown id. The converter writes {@code unk_id} 2, which in this vocab is the real piece {@code s}, not
 * {@code <unk>}. Both readers of the file then treat {@code s} as the unknown token when fusing unknown runs:
 * {@code ss} and {@code s中} each become one token with id 2, the {@code 中} silently taking the id of {@code s}
 * (measured on the stand-in with DJL 0.38 and with transformers.js 4.3.2, which also segments "leiders" as
 * {@code ▁le id ers}). SentencePiece, which the model was trained with, knows {@code s} as an ordinary piece and
 * {@code <unk>} as the unknown one. We follow SentencePiece: unk_id is set to the index of tokenizer_config.json's
 * unk_token, so {@code s} is ordinary ({@code ▁k is s ▁ s 中 ▁G la s s}, with {@code 中} → {@code <unk>}) and
 * "leiders" comes out {@code ▁ leider s}, as source.spm segments it. What still differs from training is the
 * export's own vocab — scores are the max of source and target, target-only pieces are reachable — which only
 * the SPM path avoids (on the stand-in's golden table the JSON path gives MarianTokenizer's ids for 19 of 53).
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
        UnaryOperator<String> characters = characterNormalizer(root.path("normalizer"), file);
        UnaryOperator<String> normalizer = text -> SentencePieceWhitespace.NMT_DEFAULT.apply(characters.apply(text));
        String json = UnigramTokenizerJson.build(rustPieces, scores, unkId);
        TargetDecoder decoder = new TargetDecoder(strings, invisible, specials.cleanUpTokenizationSpaces());
        return new MarianTokenizer(RustTokenizers.fromJson(json, file), vocab, unkId, eosId,
                new SpecialTokenSplitter(List.copyOf(specials.all())), normalizer, decoder);
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

    /** A {@code Precompiled} normalizer's charsmap when it has one, else the nmt_nfkc rules in Java. */
    private static UnaryOperator<String> characterNormalizer(JsonNode normalizer, Path file) {
        JsonNode map = normalizer.path("precompiled_charsmap");
        if (!"Precompiled".equals(normalizer.path("type").asText()) || !map.isTextual() || map.asText().isEmpty()) {
            return NmtNfkc::normalize;
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(map.asText());
        } catch (IllegalArgumentException e) {
            throw new TokenizerLoadException(file, "normalizer.precompiled_charsmap is not base64", e);
        }
        return PrecompiledCharsmap.parse(bytes, file)::normalize;
    }

    private static int requiredIndex(Vocabulary vocab, String token, Path file) {
        int id = vocab.idOf(token, -1);
        if (id < 0) {
            throw new TokenizerLoadException(file, "special token " + token + " is not in model.vocab");
        }
        return id;
    }
}
