package dev.nlen.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Creates DJL tokenizers from in-memory tokenizer.json text, with DJL's own padding, truncation and specials off. */
final class RustTokenizers {

    // DJL option keys (HuggingFaceTokenizer's options map); eos is appended by MarianTokenizer itself
    private static final Map<String, String> OPTIONS =
            Map.of("addSpecialTokens", "false", "padding", "false", "truncation", "false");

    static {
        // Unless DJL is offline, HuggingFaceTokenizer.newInstance "calls home": it asks the EC2 metadata address
        // (169.254.169.254, four tries, ~2 s measured) and reports usage. A self-hosted service must do neither, and
        // the native library ships inside the jar, so nothing needs downloading. An explicit setting is respected.
        if (System.getenv("DJL_OFFLINE") == null && System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private RustTokenizers() {}

    /** @param origin the file the JSON was derived from, named in errors */
    static HuggingFaceTokenizer fromJson(String tokenizerJson, Path origin) {
        try {
            return HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(tokenizerJson.getBytes(StandardCharsets.UTF_8)), OPTIONS);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new TokenizerLoadException(origin, "the Rust tokenizer rejected the derived tokenizer.json: " + e, e);
        }
    }
}
