package dev.nlen.tokenize;

/**
 * Text ↔ token ids for one Marian model, with Hugging Face {@code MarianTokenizer} semantics:
 * encoding appends {@code </s>}; decoding skips special tokens and cleans up tokenization spaces.
 * The only package that sees DJL; everything outside works on {@code long[]} ids.
 */
public interface Tokenizer extends AutoCloseable {

    /** Source-side ids of one sentence, ending with the eos id; never padded, never truncated. */
    long[] encode(String sentence);

    /** Source-side pieces of one sentence (for diagnostics and tests), without {@code </s>}. */
    java.util.List<String> pieces(String sentence);

    /** Target-side text of generated ids: special tokens skipped, {@code clean_up_tokenization} applied when configured. */
    String decode(long[] targetIds);

    /** Number of ids in the shared vocabulary ({@code vocab.json} / {@code tokenizer.json}). */
    int vocabSize();

    @Override
    void close();
}
