package dev.nlen.tokenize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;

/**
 * Writes the {@code tokenizer.json} that DJL's Rust tokenizer loads, reproducing SentencePiece's encoder:
 * the precompiled charsmap, then SentencePiece's own whitespace rules (only U+0020 counts: runs collapse, the ends
 * are trimmed, a dummy prefix is added, spaces become {@code ▁}), then a Unigram model over the whole sentence
 * (no pre-tokenizer: SentencePiece does not split into words either), unknown runs fused, no byte fallback.
 * Special tokens are added tokens matched in the raw text; like the slow tokenizer they swallow the whitespace
 * beside them. No post-processor and no decoder: the caller appends eos and decodes with its own table.
 */
final class UnigramTokenizerJson {

    /** SentencePiece's whitespace handling ({@code NormalizerSpec} flags). */
    record Whitespace(boolean removeExtra, boolean addDummyPrefix, boolean escape) {
        static final Whitespace NMT_DEFAULT = new Whitespace(true, true, true);
    }

    /**
     * @param pieces   positional vocab: index = id; strings that must never match are placeholders
     * @param scores   log-probabilities, same length as {@code pieces}
     * @param unkId    id the Unigram model gives to unknown runs
     * @param specials special token strings, given ids after the vocab (they are never in it)
     * @param charsmap SentencePiece precompiled charsmap, or empty for none
     */
    static String build(String[] pieces, double[] scores, int unkId, List<String> specials, byte[] charsmap,
                        Whitespace whitespace) {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int i = 0; i < specials.size(); i++) {
            added.addObject().put("id", pieces.length + i).put("content", specials.get(i))
                    .put("single_word", false).put("lstrip", true).put("rstrip", true)
                    .put("normalized", false).put("special", true);
        }
        root.set("normalizer", normalizer(charsmap, whitespace));
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

    private static ObjectNode normalizer(byte[] charsmap, Whitespace whitespace) {
        ObjectNode sequence = JsonFiles.MAPPER.createObjectNode().put("type", "Sequence");
        ArrayNode steps = sequence.putArray("normalizers");
        if (charsmap.length > 0) {
            steps.addObject().put("type", "Precompiled")
                    .put("precompiled_charsmap", Base64.getEncoder().encodeToString(charsmap));
        }
        if (whitespace.removeExtra()) {
            replace(steps, "Regex", " {2,}", " ");
            replace(steps, "Regex", "^ | $", "");
        }
        String space = whitespace.escape() ? "\u2581" : " ";
        if (whitespace.addDummyPrefix()) {
            steps.addObject().put("type", "Prepend").put("prepend", space);
        }
        if (whitespace.escape()) {
            replace(steps, "String", " ", space);
        }
        return sequence;
    }

    private static void replace(ArrayNode steps, String patternKind, String pattern, String content) {
        ObjectNode step = steps.addObject().put("type", "Replace");
        step.putObject("pattern").put(patternKind, pattern);
        step.put("content", content);
    }

    /** A vocab string that no normalized text contains: U+0001 is removed before and during normalization. */
    static String placeholder(int id) {
        return "\u0001" + id;
    }

    private UnigramTokenizerJson() {}
}
