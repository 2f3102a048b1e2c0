package dev.nlen.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * {@link Tokenizer} over one DJL (Rust) Unigram tokenizer built by {@link MarianTokenizers}. Everything is built
 * once; encoding a sentence is a Java normalization, one native call and an id fix-up. Thread-safe.
 *
 * <p>Java does what Rust would do differently from the slow tokenizer: the special-token and language-code split
 * ({@link SpecialTokenSplitter}), the character map and SentencePiece's whitespace rules; Rust runs the Unigram
 * model (Viterbi over the vocab). Its ids are the model's vocabulary ids, except where {@code MarianTokenizer}
 * looks a piece up by its string: an unknown run (Rust's unk id) whose text is nonetheless a vocab.json entry (a
 * target-only piece such as {@code "} in the stand-in) gets that entry's id, and so do pieces past the vocabulary
 * (source pieces vocab.json lacks come out as {@code <unk>}).
 */
final class MarianTokenizer implements Tokenizer {

    private final HuggingFaceTokenizer rust;
    private final Vocabulary vocab;
    private final int unkId;
    private final long eosId;
    private final SpecialTokenSplitter splitter;
    private final UnaryOperator<String> normalizer;
    private final TargetDecoder decoder;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param rust       owned from here on: closed by {@link #close()}
     * @param normalizer character normalization applied in Java before the native call
     */
    MarianTokenizer(HuggingFaceTokenizer rust, Vocabulary vocab, int unkId, int eosId, SpecialTokenSplitter splitter,
                    UnaryOperator<String> normalizer, TargetDecoder decoder) {
        this.rust = rust;
        this.vocab = vocab;
        this.unkId = unkId;
        this.eosId = eosId;
        this.splitter = splitter;
        this.normalizer = normalizer;
        this.decoder = decoder;
    }

    @Override
    public long[] encode(String sentence) {
        Tokens tokens = tokenize(sentence);
        long[] ids = new long[tokens.ids.length + 1];
        for (int i = 0; i < tokens.ids.length; i++) {
            long id = tokens.ids[i];
            ids[i] = (id < 0 || id == unkId || id >= vocab.size()) ? vocab.idOf(tokens.pieces.get(i), unkId) : id;
        }
        ids[tokens.ids.length] = eosId;
        return ids;
    }

    @Override
    public List<String> pieces(String sentence) {
        return List.copyOf(tokenize(sentence).pieces);
    }

    @Override
    public String decode(long[] targetIds) {
        return decoder.decode(targetIds);
    }

    @Override
    public int vocabSize() {
        return vocab.size();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            rust.close();
        }
    }

    /** Rust ids (−1: a literal token, to be looked up by string) and the pieces as SentencePiece spells them. */
    private record Tokens(long[] ids, List<String> pieces) {}

    private Tokens tokenize(String sentence) {
        if (closed.get()) {
            throw new IllegalStateException("tokenizer is closed");
        }
        String text = safeForNative(sentence);
        if (!splitter.needsSplit(text)) {
            Encoding encoding = rust.encode(normalizer.apply(text), false, false);
            return new Tokens(encoding.getIds(), Arrays.asList(encoding.getTokens()));
        }
        List<SpecialTokenSplitter.Part> parts = splitter.split(text);
        List<String> segments = new ArrayList<>();
        for (SpecialTokenSplitter.Part part : parts) {
            if (!part.literal()) {
                segments.add(normalizer.apply(part.text()));
            }
        }
        Encoding[] encodings = rust.batchEncode(segments.toArray(String[]::new), false, false);
        List<Long> ids = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        int next = 0;
        for (SpecialTokenSplitter.Part part : parts) {
            if (part.literal()) {
                ids.add(-1L);
                pieces.add(part.text());
            } else {
                Encoding encoding = encodings[next++];
                Arrays.stream(encoding.getIds()).forEach(ids::add);
                pieces.addAll(Arrays.asList(encoding.getTokens()));
            }
        }
        return new Tokens(ids.stream().mapToLong(Long::longValue).toArray(), pieces);
    }

    /**
     * Unpaired surrogates cannot cross into Rust's UTF-8: they become U+FFFD, as SentencePiece reads invalid
     * UTF-8. U+0001 is dropped: nmt_nfkc drops it anyway, and the placeholders of unreachable ids contain it.
     */
    static String safeForNative(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == '\u0001' || (Character.isSurrogate(c) && !pair);
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && c != '\u0001') {
                out.append(bad ? '\uFFFD' : c);
                if (pair) {
                    out.append(text.charAt(++i));
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }
}
