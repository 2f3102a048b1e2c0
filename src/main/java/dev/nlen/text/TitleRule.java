package dev.nlen.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/**
 * When a plain block is a title. A block that is one line on its own, followed by another block, is a heading
 * when it is short (at most {@value #MAX_WORDS} words and {@value #MAX_CHARS} UTF-16 units), its first letter is
 * not lower case, and — after closing quotes and brackets — it does not end in sentence or clause punctuation
 * ({@code . ! ? … : ; ,}). So "Aandelenbeurs van slag" and "'Noord-Korea wilde niet'" are headings, "Wat nu?"
 * and a last unpunctuated line (a byline, a signature) are paragraphs.
 */
final class TitleRule {

    static final int MAX_WORDS = 15;
    static final int MAX_CHARS = 150;
    private static final String FINAL_PUNCTUATION = ".!?…:;,";

    private TitleRule() {
    }

    static boolean looksLikeTitle(String text, int start, int end) {
        if (end - start > MAX_CHARS || wordCount(text, start, end) > MAX_WORDS) {
            return false;
        }
        int last = end;
        while (last > start && isClose(text.codePointBefore(last))) {
            last -= Character.charCount(text.codePointBefore(last));
        }
        if (last == start || FINAL_PUNCTUATION.indexOf(text.charAt(last - 1)) >= 0) {
            return false;
        }
        return !firstLetterIsLowerCase(text, start, end);
    }

    private static boolean isClose(int codePoint) {
        return UCharacter.getIntPropertyValue(codePoint, UProperty.SENTENCE_BREAK) == UCharacter.SentenceBreak.CLOSE;
    }

    private static int wordCount(String text, int start, int end) {
        int words = 0;
        boolean inWord = false;
        for (int i = start; i < end; i++) {
            boolean white = WhiteSpace.isWhite(text.charAt(i));
            if (!white && !inWord) {
                words++;
            }
            inWord = !white;
        }
        return words;
    }

    private static boolean firstLetterIsLowerCase(String text, int start, int end) {
        for (int i = start; i < end; i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            if (UCharacter.isLetter(cp)) {
                return UCharacter.isLowerCase(cp);
            }
        }
        return false;
    }
}
