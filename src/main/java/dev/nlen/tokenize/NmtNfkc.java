package dev.nlen.tokenize;

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;

/**
 * SentencePiece's {@code nmt_nfkc} rules written out in Java, the way transformers.js applies them when a
 * {@code Precompiled} normalizer carries no charsmap: control characters are dropped, odd spaces (tab, newline,
 * NBSP, zero-width and typographic spaces, U+2581, U+FEFF, U+FFFD) become U+0020, then NFKC, leaving the
 * fullwidth tilde U+FF5E alone as SentencePiece's compiled map does. An approximation of the charsmap, used
 * only on the tokenizer.json path.
 */
final class NmtNfkc {

    private static final Normalizer2 NFKC_KEEPING_FULLWIDTH_TILDE =
            new FilteredNormalizer2(Normalizer2.getNFKCInstance(), new UnicodeSet("[^\\uFF5E]").freeze());

    private NmtNfkc() {}

    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRemovedControl(c)) {
                continue;
            }
            out.append(isOddSpace(c) ? ' ' : c);
        }
        return NFKC_KEEPING_FULLWIDTH_TILDE.normalize(out);
    }

    private static boolean isRemovedControl(char c) {
        return (c >= 0x01 && c <= 0x08) || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F || c == 0x8F
                || c == 0x9F;
    }

    private static boolean isOddSpace(char c) {
        return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200F) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x2581 || c == 0x3000 || c == 0xFEFF || c == 0xFFFD;
    }
}
