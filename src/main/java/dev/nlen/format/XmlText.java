package dev.nlen.format;

/**
 * Text that XML 1.0 can carry. XML 1.0 has no way to write U+0000–U+001F (except tab, LF, CR), U+FFFE, U+FFFF or
 * an unpaired surrogate, not even as a character reference; such characters are replaced by U+FFFD so that the
 * output stays well-formed and the loss stays visible. Markup escaping is left to the XMLStreamWriter.
 */
final class XmlText {

    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || isAllowedBmp(c);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(allowed ? c : REPLACEMENT);
                if (pair) {
                    out.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /** XML 1.0 Char production, for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean isAllowedBmp(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** Cleaned and on one line (white-space runs to single spaces), for segment and cell text. */
    static String cleanLine(String text) {
        return SourceLayout.oneLine(clean(text));
    }
}
