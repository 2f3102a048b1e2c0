package dev.nlen.api;

import com.ibm.icu.lang.UCharacter;
import dev.nlen.config.TranslatorConfig;

/** What the article text must be before it is segmented: something to translate, whole code points, within limits. */
final class TextChecks {

    private TextChecks() {
    }

    static String checked(String text, TranslatorConfig.Limits limits) {
        if (nothingToTranslate(text)) {
            throw ProblemException.invalid("text", "the text is empty or only white space");
        }
        int lone = loneSurrogate(text);
        if (lone >= 0) {
            throw ProblemException.invalid("text", String.format("the text has a lone surrogate U+%04X at character %d"
                    + " (code point offset); a \\u escape of a surrogate needs its pair", (int) text.charAt(lone),
                    text.codePointCount(0, lone)));
        }
        int characters = text.codePointCount(0, text.length());
        if (characters > limits.maxCharacters()) {
            throw ProblemException.tooLarge("text", "the text has " + characters + " characters; the limit is "
                    + limits.maxCharacters(), limits.maxCharacters());
        }
        return text;
    }

    /** Only Unicode White_Space (NBSP, U+2007, U+202F, NEL ...) and invisible format characters (BOM, ZWSP ...). */
    static boolean nothingToTranslate(String text) {
        return text.codePoints().allMatch(c -> UCharacter.isUWhiteSpace(c) || Character.getType(c) == Character.FORMAT);
    }

    /** The char index of the first surrogate without its pair, or -1; such text cannot round-trip through UTF-8. */
    static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
