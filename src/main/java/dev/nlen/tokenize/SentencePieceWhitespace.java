package dev.nlen.tokenize;

/**
 * SentencePiece's whitespace rules after character normalization ({@code NormalizerSpec} flags). Only U+0020
 * counts as whitespace here — the charsmap has already turned tabs, NBSP and the like into it: runs collapse to
 * one, both ends are trimmed, a dummy prefix space is added to non-empty text, and spaces become {@code ▁}.
 */
record SentencePieceWhitespace(boolean removeExtra, boolean addDummyPrefix, boolean escape) {

    static final SentencePieceWhitespace NMT_DEFAULT = new SentencePieceWhitespace(true, true, true);
    private static final char META_SPACE = '\u2581';

    String apply(String normalized) {
        StringBuilder out = new StringBuilder(normalized.length() + 1);
        char space = escape ? META_SPACE : ' ';
        boolean previousSpace = removeExtra; // leading spaces are dropped like repeated ones
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == ' ') {
                if (!previousSpace) {
                    out.append(space);
                }
                previousSpace = removeExtra;
            } else {
                out.append(c);
                previousSpace = false;
            }
        }
        if (removeExtra && !out.isEmpty() && out.charAt(out.length() - 1) == space) {
            out.setLength(out.length() - 1);
        }
        if (addDummyPrefix && !out.isEmpty()) {
            out.insert(0, space);
        }
        return out.toString();
    }
}
