package dev.nlen.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Creates DJL tokenizers from in-memory tokenizer.json text, with DJL's own padding, truncation and specials off. */
final class RustTokenizers {

    // DJL option keys (HuggingFaceTokenizer's options map); eos is appended by MarianTokenizer itself
    private static final Map<String, String> OPTIONS =
            Map.of("addSpecialTokens", "false", "padding", "false", "truncation", "false");

    private RustTokenizers() {}

    /**
     * @param added  the added tokens the JSON declares, checked to come out with the ids MarianTokenizer expects
     * @param origin the file the JSON was derived from, named in errors
     */
    static HuggingFaceTokenizer fromJson(String tokenizerJson, MarianTokenizer.AddedTokens added, Path origin) {
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(tokenizerJson.getBytes(StandardCharsets.UTF_8)), OPTIONS);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new TokenizerLoadException(origin, "the Rust tokenizer rejected the derived tokenizer.json: " + e, e);
        }
        for (int i = 0; i < added.contents().size(); i++) {
            long[] ids = tokenizer.encode(added.contents().get(i), false, false).getIds();
            if (!Arrays.equals(ids, new long[] {added.firstId() + i})) {
                tokenizer.close();
                throw new TokenizerLoadException(origin, "special token " + added.contents().get(i)
                        + " got ids " + Arrays.toString(ids) + " instead of " + (added.firstId() + i));
            }
        }
        return tokenizer;
    }
}
