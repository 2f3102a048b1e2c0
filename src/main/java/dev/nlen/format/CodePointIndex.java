package dev.nlen.format;

/** UTF-16 offsets → code point offsets for one text, in O(1) after one pass ({@link String#codePointCount} semantics). */
final class CodePointIndex {

    private final int[] codePointsBefore; // [length + 1]

    CodePointIndex(String text) {
        codePointsBefore = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            boolean secondHalfOfPair = i > 0 && Character.isLowSurrogate(text.charAt(i))
                    && Character.isHighSurrogate(text.charAt(i - 1));
            codePointsBefore[i + 1] = codePointsBefore[i] + (secondHalfOfPair ? 0 : 1);
        }
    }

    /** Code points in {@code text[0, utf16Offset)}. */
    int codePointOffset(int utf16Offset) {
        return codePointsBefore[utf16Offset];
    }
}
