package dev.nlen.tokenize;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * SentencePiece's compiled normalization rules ({@code normalizer_spec.precompiled_charsmap}), applied the way
 * SentencePiece applies them: at each position the longest matching rule replaces its input, else one character
 * is copied. Done in Java because Rust's {@code Precompiled} normalizer differs: it looks rules up per grapheme
 * cluster and keeps only the first, shortest match of the cluster, so a combining mark or ZWJ after a mapped
 * character (a space, say) is lost where SentencePiece keeps it.
 *
 * <p>Layout: u32 little-endian trie size in bytes, the trie (a Darts-clone double array of u32 units), then
 * NUL-terminated UTF-8 replacements the trie's leaves point into. The constructor checks every index a lookup can
 * reach, so a damaged map is refused at load instead of misbehaving later.
 */
final class PrecompiledCharsmap {

    private static final int BLOCK = 0xFF; // a node's children lie within base ^ [0, 255]
    private static final int MAX_PREFIX_RESULTS = 32; // SentencePiece's kMaxTrieResultsSize

    private final int[] units;
    private final byte[] replacements;

    private PrecompiledCharsmap(int[] units, byte[] replacements) {
        this.units = units;
        this.replacements = replacements;
    }

    /** @throws TokenizerLoadException naming {@code file} when the map is damaged */
    static PrecompiledCharsmap parse(byte[] charsmap, Path file) {
        ByteBuffer buffer = ByteBuffer.wrap(charsmap).order(ByteOrder.LITTLE_ENDIAN);
        long trieBytes = charsmap.length < 4 ? -1 : Integer.toUnsignedLong(buffer.getInt());
        if (trieBytes <= 0 || trieBytes % 4 != 0 || trieBytes > charsmap.length - 4L) {
            throw corrupt(file, "trie size " + trieBytes + " does not fit " + charsmap.length + " bytes");
        }
        int[] units = new int[(int) (trieBytes / 4)];
        buffer.asIntBuffer().get(units);
        byte[] replacements = new byte[charsmap.length - 4 - (int) trieBytes];
        buffer.position(4 + (int) trieBytes).get(replacements);
        if (!isUtf8(replacements)) {
            throw corrupt(file, "replacement strings are not UTF-8");
        }
        String problem = trieProblem(units, replacements);
        if (problem != null) {
            throw corrupt(file, problem);
        }
        return new PrecompiledCharsmap(units, replacements);
    }

    String normalize(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
        int position = 0;
        while (position < in.length) {
            long match = longestPrefix(in, position);
            int length = (int) (match >>> 32);
            if (length > 0) {
                int start = (int) match;
                int end = start;
                while (end < replacements.length && replacements[end] != 0) {
                    end++;
                }
                out.write(replacements, start, end - start);
            } else {
                length = Math.min(utf8Length(in[position]), in.length - position);
                out.write(in, position, length);
            }
            position += length;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Darts-clone commonPrefixSearch keeping the longest of the first 32 hits: (length << 32) | value. */
    private long longestPrefix(byte[] key, int from) {
        int node = offset(units[0]);
        long best = 0;
        int hits = 0;
        for (int i = from; i < key.length; i++) {
            int label = key[i] & 0xFF;
            node ^= label;
            int unit = units[node];
            if ((unit & (0x80000000 | 0xFF)) != label) {
                break;
            }
            node ^= offset(unit);
            if (((unit >>> 8) & 1) == 1 && hits++ < MAX_PREFIX_RESULTS) {
                best = ((long) (i - from + 1) << 32) | (units[node] & 0x7FFFFFFF);
            }
        }
        return best;
    }

    /** Walks every node reachable from the root, checking each index a lookup would read. */
    private static String trieProblem(int[] units, byte[] replacements) {
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
            for (int label = 0; label <= BLOCK; label++) {
                int unit = units[base ^ label];
                if ((unit & (0x80000000 | 0xFF)) != label) {
                    continue; // not a child of this node
                }
                int next = (base ^ label) ^ offset(unit);
                if ((next | BLOCK) >= units.length) {
                    return "node " + (base ^ label) + " points outside the trie";
                }
                int value = units[next] & 0x7FFFFFFF;
                if (((unit >>> 8) & 1) == 1 && (value > replacements.length
                        || (value < replacements.length && (replacements[value] & 0xC0) == 0x80))) {
                    return "leaf value " + value + " is not the start of a replacement string";
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

    private static int utf8Length(byte lead) {
        int b = lead & 0xFF;
        return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
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

    private static TokenizerLoadException corrupt(Path file, String problem) {
        return new TokenizerLoadException(file, "corrupt precompiled_charsmap: " + problem);
    }
}
