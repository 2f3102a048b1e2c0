package dev.nlen.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The model's id ↔ piece table ({@code vocab.json}, or the {@code tokenizer.json} vocab): the ids the ONNX
 * model's embedding and logits use. Ids without a piece (gaps) are {@code null} in {@link #pieces()}.
 */
record Vocabulary(String[] pieces, Map<String, Integer> ids) {

    int size() {
        return pieces.length;
    }

    /** Id of a piece, or {@code fallback} when the vocabulary lacks it. */
    int idOf(String piece, int fallback) {
        Integer id = ids.get(piece);
        return id == null ? fallback : id;
    }

    static Vocabulary fromVocabJson(Path file) {
        JsonNode root = JsonFiles.readObject(file);
        if (root.isEmpty()) {
            throw new TokenizerLoadException(file, "the vocabulary is empty");
        }
        Map<String, Integer> ids = HashMap.newHashMap(root.size());
        int maxId = -1;
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode id = entry.getValue();
            if (!id.canConvertToInt() || !id.isIntegralNumber() || id.intValue() < 0) {
                throw new TokenizerLoadException(file, "id of \"" + entry.getKey() + "\" is not a non-negative integer: " + id);
            }
            ids.put(entry.getKey(), id.intValue());
            maxId = Math.max(maxId, id.intValue());
        }
        if (maxId >= 4 * ids.size() + 1024) {
            throw new TokenizerLoadException(file, "ids are implausibly sparse: max id " + maxId + " for " + ids.size() + " pieces");
        }
        String[] pieces = new String[maxId + 1];
        // like Python's {v: k for k, v in vocab.items()}: of two pieces sharing an id, the later one decodes
        root.properties().forEach(e -> pieces[e.getValue().intValue()] = e.getKey());
        return new Vocabulary(pieces, Map.copyOf(ids));
    }

    static Vocabulary fromPieces(String[] pieces) {
        Map<String, Integer> ids = HashMap.newHashMap(pieces.length);
        for (int id = pieces.length - 1; id >= 0; id--) {
            ids.put(pieces[id], id); // the first of duplicate strings wins, as in a positional Unigram vocab
        }
        return new Vocabulary(pieces.clone(), Map.copyOf(ids));
    }
}
