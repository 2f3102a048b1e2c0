package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SentencePieceWhitespaceTest {

    @Test
    void collapsesTrimsPrefixesAndEscapesLikeNmtNfkc() {
        SentencePieceWhitespace nmt = SentencePieceWhitespace.NMT_DEFAULT;
        assertEquals("▁Een▁zin▁hier.", nmt.apply("  Een   zin hier.  "));
        assertEquals("", nmt.apply("   "));
        assertEquals("", nmt.apply(""));
        assertEquals("▁a\tb", nmt.apply("a\tb"), "only U+0020 is whitespace at this stage");
    }

    @Test
    void honoursTheNormalizerSpecFlags() {
        assertEquals("▁▁a▁▁", new SentencePieceWhitespace(false, true, true).apply(" a  "));
        assertEquals("a▁b", new SentencePieceWhitespace(true, false, true).apply(" a  b "));
        assertEquals(" a b", new SentencePieceWhitespace(true, true, false).apply("a  b"));
    }
}
