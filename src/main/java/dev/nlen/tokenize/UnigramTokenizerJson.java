package dev.nlen.tokenize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the {@code tokenizer.json} that DJL's Rust tokenizer loads: only a Unigram model over the whole text,
 * with unknown runs fused and no byte fallback. No pre-tokenizer — SentencePiece does not split into words
 * either — and no normalizer, added tokens, post-processor or decoder: {@link MarianTokenizer} splits out special
 * tokens, normalizes and appends eos in Java, and decoding uses its own table.
 */
final class UnigramTokenizerJson {

    private UnigramTokenizerJson() {}

    /**
     * @param pieces positional vocab: index = id; strings that must never match are {@link #placeholder}s
     * @param scores log-probabilities, same length as {@code pieces}
     * @param unkId  id the Unigram model gives to unknown runs
     */
    static String build(String[] pieces, double[] scores, int unkId) {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens");
        root.putNull("normalizer");
        root.putNull("pre_tokenizer");
        root.putNull("post_processor");
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "Unigram").put("unk_id", unkId).put("byte_fallback", false);
        ArrayNode vocab = model.putArray("vocab");
        for (int id = 0; id < pieces.length; id++) {
            vocab.addArray().add(pieces[id]).add(scores[id]);
        }
        return root.toString();
    }

    /** A vocab string that no normalized text contains: U+0001 is removed before normalization. */
    static String placeholder(int id) {
        return "\u0001" + id;
    }
}
