package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SentencePiece's charsmap in Java: longest-match normalization, and refusal of damaged maps at load. */
class PrecompiledCharsmapTest {

    private static final Path FILE = Path.of("source.spm");

    private static byte[] realCharsmap() {
        return SentencePieceModel.read(SharedModel.dir().resolve("source.spm")).normalizer().precompiledCharsmap();
    }

    @Test
    void acceptsTheStandInsNmtNfkcMap() {
        byte[] charsmap = realCharsmap();
        assertTrue(charsmap.length > 100_000);
        assertDoesNotThrow(() -> PrecompiledCharsmap.parse(charsmap, FILE));
    }

    @Test
    void appliesTheLongestRuleAtEachPositionKeepingMarksAfterMappedCharacters() {
        PrecompiledCharsmap map = PrecompiledCharsmap.parse(realCharsmap(), FILE);
        assertEquals("fiets 123 café", map.normalize("\ufb01ets\u00a0\uff11\uff12\uff13 cafe\u0301"));
        // Rust's per-grapheme lookup would drop the ZWJ and the combining tilde that follow a space
        assertEquals(" \u200d \u0303x", map.normalize(" \u200d \u0303x"));
    }

    @Test
    void refusesAMapWhoseStringsAreCutOff() {
        byte[] charsmap = realCharsmap();
        int trieBytes = ByteBuffer.wrap(charsmap).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] cut = Arrays.copyOf(charsmap, 4 + trieBytes + 16); // leaves point past the strings
        assertThrows(TokenizerLoadException.class, () -> PrecompiledCharsmap.parse(cut, FILE));
    }

    @Test
    void refusesHeadersThatDoNotFit() {
        assertThrows(TokenizerLoadException.class, () -> PrecompiledCharsmap.parse(new byte[] {1, 2}, FILE));
        assertThrows(TokenizerLoadException.class,
                () -> PrecompiledCharsmap.parse(new byte[] {0, 4, 0, 0, 0, 0, 0, 0}, FILE));
    }

    @Test
    void refusesARootOutsideTheTrie() {
        byte[] charsmap = new byte[4 + 256 * 4];
        ByteBuffer buffer = ByteBuffer.wrap(charsmap).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(256 * 4).putInt(256 << 10); // root at unit 256: its children would lie past the array
        assertThrows(TokenizerLoadException.class, () -> PrecompiledCharsmap.parse(charsmap, FILE));
    }
}
