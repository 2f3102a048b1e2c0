package dev.nlen.text;

import com.ibm.icu.lang.UCharacter;

/** Unicode White_Space (tabs, line breaks, NBSP, U+2028 …), the one notion of "blank" this package uses. */
final class WhiteSpace {

    private WhiteSpace() {
    }

    static boolean isWhite(int codePoint) {
        return UCharacter.isUWhiteSpace(codePoint);
    }

    /** Index of the first non-white char in {@code [from, to)}, or {@code to}. */
    static int skipForward(CharSequence text, int from, int to) {
        int i = from;
        while (i < to && isWhite(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** One past the last non-white char in {@code [from, to)}, or {@code from}. */
    static int skipBackward(CharSequence text, int from, int to) {
        int i = to;
        while (i > from && isWhite(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    static boolean isBlank(CharSequence text, int from, int to) {
        return skipForward(text, from, to) == to;
    }

    /** {@code text[from, to)} with each white-space run replaced by a single U+0020. */
    static String collapse(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        boolean inRun = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isWhite(c)) {
                if (!inRun) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }
}
