package dev.nlen.tokenize;

/**
 * Target ids → text as {@code MarianTokenizer.decode(ids, skip_special_tokens=True)} does: special ids are
 * skipped, the remaining vocab strings are joined as SentencePiece's {@code decode_pieces} joins them (control
 * pieces of the target model are invisible), {@code ▁} becomes a space, Python's {@code str.strip()} trims,
 * and {@code clean_up_tokenization} runs when the tokenizer config asks for it.
 */
final class TargetDecoder {

    private final String[] pieces;
    private final boolean[] invisible;
    private final boolean cleanUp;

    /** @param invisible ids that decode to nothing: special tokens and target control pieces */
    TargetDecoder(String[] pieces, boolean[] invisible, boolean cleanUp) {
        this.pieces = pieces.clone();
        this.invisible = invisible.clone();
        this.cleanUp = cleanUp;
    }

    String decode(long[] ids) {
        StringBuilder text = new StringBuilder(ids.length * 6);
        for (long id : ids) {
            if (id < 0 || id >= pieces.length || pieces[(int) id] == null) {
                throw new IllegalArgumentException("id " + id + " is not in the vocabulary of " + pieces.length);
            }
            if (!invisible[(int) id]) {
                text.append(pieces[(int) id]);
            }
        }
        String joined = pythonStrip(text.toString().replace('\u2581', ' '));
        return cleanUp ? cleanUpTokenization(joined) : joined;
    }

    /** Hugging Face's {@code clean_up_tokenization}: the same replacements, in the same order. */
    static String cleanUpTokenization(String text) {
        return text.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",")
                .replace(" ' ", "'").replace(" n't", "n't").replace(" 'm", "'m").replace(" 's", "'s")
                .replace(" 've", "'ve").replace(" 're", "'re");
    }

    /** Python's {@code str.strip()}: trims the characters {@code str.isspace()} accepts (Java's strip differs). */
    static String pythonStrip(String text) {
        return pythonStrip(text, true, true);
    }

    /** {@code lstrip()} / {@code rstrip()} / {@code strip()} with Python's whitespace. */
    static String pythonStrip(String text, boolean leading, boolean trailing) {
        int begin = 0;
        int end = text.length();
        while (leading && begin < end && isPythonSpace(text.charAt(begin))) {
            begin++;
        }
        while (trailing && end > begin && isPythonSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(begin, end);
    }

    static boolean isPythonSpace(char c) {
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }
}
