package dev.nlen.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Tokenizer} over one DJL (Rust) Unigram tokenizer built by {@link MarianTokenizers}. Everything is built
 * once; an encode is one native call plus an id fix-up:
 *
 * <p>The Rust model's ids equal the model's vocabulary ids, except where {@code MarianTokenizer} looks a piece up
 * by its string: an unknown run (the Rust unk id) whose text is nonetheless a vocab.json entry (a target-only
 * piece such as {@code "} in the stand-in) gets that entry's id, and pieces outside the vocabulary (source pieces
 * vocab.json lacks, special tokens) are looked up by string, falling back to {@code <unk>}.
 *
 * <p>A leading language code {@code >>xx<<} becomes its own token and every {@code >>…<<} span is removed, as
 * the slow tokenizer's {@code remove_language_code} does (it does so per part between special tokens; here it is
 * done on the whole text, which differs only when both occur in one sentence).
 */
final class MarianTokenizer implements Tokenizer {

    // transformers 4.x: re.compile(">>.+<<") — Python's '.' excludes only '\n', hence UNIX_LINES
    private static final Pattern LANGUAGE_CODE = Pattern.compile(">>.+<<", Pattern.UNIX_LINES);

    private final HuggingFaceTokenizer rust;
    private final AddedTokens added;
    private final Vocabulary vocab;
    private final int unkId;
    private final long eosId;
    private final UnaryOperator<String> normalizer;
    private final TargetDecoder decoder;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The special tokens given to Rust as added tokens, with consecutive ids after its vocab. */
    record AddedTokens(int firstId, List<String> contents) {
        AddedTokens {
            contents = List.copyOf(contents);
        }

        String content(long id) {
            return contents.get((int) (id - firstId));
        }
    }

    /**
     * @param rust       owned from here on: closed by {@link #close()}
     * @param normalizer applied in Java before the native call (identity when the charsmap does it)
     */
    MarianTokenizer(HuggingFaceTokenizer rust, AddedTokens added, Vocabulary vocab, int unkId, int eosId,
                    UnaryOperator<String> normalizer, TargetDecoder decoder) {
        this.rust = rust;
        this.added = added;
        this.vocab = vocab;
        this.unkId = unkId;
        this.eosId = eosId;
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

    private record Tokens(long[] ids, List<String> pieces) {}

    private Tokens tokenize(String sentence) {
        if (closed.get()) {
            throw new IllegalStateException("tokenizer is closed");
        }
        String text = sentence;
        String code = null;
        if (text.contains(">>")) {
            Matcher matcher = LANGUAGE_CODE.matcher(text);
            if (matcher.lookingAt()) {
                code = matcher.group();
            }
            text = matcher.replaceAll("");
        }
        Encoding encoding = rust.encode(normalizer.apply(safeForNative(text)), false, false);
        long[] ids = encoding.getIds();
        String[] tokens = encoding.getTokens();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] >= added.firstId()) {
                tokens[i] = added.content(ids[i]); // Rust's token text includes the whitespace it swallowed
            }
        }
        List<String> pieces = Arrays.asList(tokens);
        if (code == null) {
            return new Tokens(ids, pieces);
        }
        long[] withCode = new long[ids.length + 1];
        withCode[0] = -1; // not a Rust id: looked up by string in encode()
        System.arraycopy(ids, 0, withCode, 1, ids.length);
        List<String> codePieces = new ArrayList<>(pieces.size() + 1);
        codePieces.add(code);
        codePieces.addAll(pieces);
        return new Tokens(withCode, codePieces);
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
