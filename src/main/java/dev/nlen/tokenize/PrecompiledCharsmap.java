package dev.nlen.tokenize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Checks a SentencePiece {@code precompiled_charsmap} before Rust sees it. Rust's reader indexes the trie and
 * slices the replacement strings without bounds checks of its own, and a panic there aborts the whole JVM, so a
 * damaged map must be refused here. Layout: u32 little-endian trie size in bytes, the trie (a Darts-clone double
 * array of u32 units), then NUL-terminated UTF-8 replacement strings that trie leaves point into.
 */
final class PrecompiledCharsmap {

    private static final int BLOCK = 0xFF; // a node's children lie within base ^ [0, 255]

    private PrecompiledCharsmap() {}

    static void validate(byte[] charsmap, Path file) {
        if (charsmap.length == 0) {
            return; // no map: the identity normalizer
        }
        String problem = problem(charsmap);
        if (problem != null) {
            throw new TokenizerLoadException(file, "corrupt precompiled_charsmap: " + problem);
        }
    }

    private static String problem(byte[] charsmap) {
        ByteBuffer buffer = ByteBuffer.wrap(charsmap).order(ByteOrder.LITTLE_ENDIAN);
        if (charsmap.length < 4) {
            return "shorter than its header";
        }
        long trieBytes = Integer.toUnsignedLong(buffer.getInt());
        if (trieBytes == 0 || trieBytes % 4 != 0 || trieBytes > charsmap.length - 4L) {
            return "trie size " + trieBytes + " does not fit " + charsmap.length + " bytes";
        }
        int[] units = new int[(int) (trieBytes / 4)];
        buffer.asIntBuffer().get(units);
        byte[] strings = new byte[charsmap.length - 4 - (int) trieBytes];
        buffer.position(4 + (int) trieBytes).get(strings);
        if (!isUtf8(strings)) {
            return "replacement strings are not UTF-8";
        }
        return trieProblem(units, strings);
    }

    /** Walks every node reachable from the root, checking each index Rust would read. */
    private static String trieProblem(int[] units, byte[] strings) {
        int root = offset(units[0]);
        if ((root | BLOCK) >= units.length) {
            return "root points outside the trie";
        }
        boolean[] seen = new boolean[units.length];
        int[] stack = new int[units.length];
        int top = 0;
        stack[top++] = root;
        seen[root] = true;
        while (top > 0) {
            int base = stack[--top];
            for (int label = 1; label <= BLOCK; label++) {
                int unit = units[base ^ label];
                if ((unit & (0x80000000 | 0xFF)) != label) {
                    continue; // not a child of this node
                }
                int next = (base ^ label) ^ offset(unit);
                if (next < 0 || (next | BLOCK) >= units.length) {
                    return "node " + (base ^ label) + " points outside the trie";
                }
                if (((unit >>> 8) & 1) == 1) {
                    int value = units[next] & 0x7FFFFFFF;
                    if (value > strings.length || (value < strings.length && (strings[value] & 0xC0) == 0x80)) {
                        return "leaf value " + value + " is not the start of a replacement string";
                    }
                }
                if (!seen[next]) {
                    seen[next] = true;
                    stack[top++] = next;
                }
            }
        }
        return null;
    }

    /** Darts-clone's offset(): bits 10.. shifted, ×256 when bit 9 is set. */
    private static int offset(int unit) {
        return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
