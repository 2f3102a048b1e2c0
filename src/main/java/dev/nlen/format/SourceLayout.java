package dev.nlen.format;

import dev.nlen.translation.AlignedDocument;
import dev.nlen.translation.AlignedParagraph;
import dev.nlen.translation.AlignedSentence;
import java.util.regex.Pattern;

/**
 * The layout of the source around its paragraphs: the separators between them (blank lines, newline convention,
 * indentation) and each paragraph's heading or list marker, i.e. the text between the paragraph's start and its
 * first sentence. Offsets that do not fit the source (a hand-made document) fall back to a blank line and no marker.
 */
final class SourceLayout {

    private static final Pattern WHITE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String FALLBACK_SEPARATOR = "\n\n";

    private final AlignedDocument document;

    SourceLayout(AlignedDocument document) {
        this.document = document;
    }

    /** The source text before paragraph {@code i} (after paragraph {@code i-1}); a leading BOM is dropped. */
    String separatorBefore(int i) {
        String source = document.sourceText();
        int from = i == 0 ? 0 : document.paragraphs().get(i - 1).end();
        int to = document.paragraphs().get(i).start();
        if (from < 0 || to < from || to > source.length()) {
            return i == 0 ? "" : FALLBACK_SEPARATOR;
        }
        return from == 0 ? withoutBom(source.substring(from, to)) : source.substring(from, to);
    }

    /** The source text after the last paragraph (typically the final newline). */
    String trailer() {
        String source = document.sourceText();
        int from = document.paragraphs().isEmpty() ? 0 : document.paragraphs().getLast().end();
        if (from < 0 || from > source.length()) {
            return "";
        }
        return from == 0 ? withoutBom(source.substring(from)) : source.substring(from);
    }

    /** The heading or list marker with its space ({@code "## "}, {@code "- "}), or {@code ""}. */
    String marker(AlignedParagraph paragraph) {
        if (paragraph.sentences().isEmpty()) {
            return "";
        }
        int contentStart = paragraph.sentences().getFirst().start();
        boolean fits = paragraph.start() >= 0 && paragraph.start() <= contentStart
                && contentStart <= document.sourceText().length();
        return fits ? document.sourceText().substring(paragraph.start(), contentStart) : "";
    }

    /** The Dutch text of a paragraph on one line: its sentences joined by spaces, white-space runs collapsed. */
    static String sourceLine(AlignedParagraph paragraph) {
        if (paragraph.sentences().isEmpty()) {
            return oneLine(paragraph.source());
        }
        StringBuilder line = new StringBuilder();
        for (AlignedSentence sentence : paragraph.sentences()) {
            line.append(line.isEmpty() ? "" : " ").append(sentence.source());
        }
        return oneLine(line.toString());
    }

    /** White-space runs (line breaks included) to single spaces, trimmed. */
    static String oneLine(String text) {
        return WHITE_RUN.matcher(text).replaceAll(" ").strip();
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
