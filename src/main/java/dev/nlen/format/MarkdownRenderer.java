package dev.nlen.format;

import dev.nlen.translation.AlignedDocument;
import dev.nlen.translation.AlignedParagraph;

/**
 * {@code text/markdown}: a bilingual article, each paragraph as a Dutch/English pair labelled {@code NL} and
 * {@code EN}. Headings stay headings (the source's {@code #} level, level 2 for titles), list items stay list
 * items (source marker kept, English as a second paragraph of the item). Text is escaped so that it renders
 * literally, and white-space runs become single spaces so that each text stays on its line.
 */
public final class MarkdownRenderer implements DocumentRenderer {

    private static final String SPECIAL = "\\`*_[]<>#|~&";
    private static final int TITLE_LEVEL = 2;

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public String formatName() {
        return "markdown";
    }

    @Override
    public String render(AlignedDocument document) {
        SourceLayout layout = new SourceLayout(document);
        StringBuilder out = new StringBuilder();
        out.append("_Machine translation nl → en (")
                .append(escape(document.model().id())).append(")_\n");
        for (AlignedParagraph paragraph : document.paragraphs()) {
            String dutch = escape(SourceLayout.sourceLine(paragraph));
            String english = escape(SourceLayout.oneLine(paragraph.target()));
            String marker = layout.marker(paragraph).strip();
            out.append('\n');
            switch (paragraph.kind()) {
                case HEADING -> {
                    String hashes = "#".repeat(marker.startsWith("#") ? marker.length() : TITLE_LEVEL);
                    out.append(hashes).append(" NL: ").append(dutch).append('\n')
                            .append(hashes).append(" EN: ").append(english).append('\n');
                }
                case LIST_ITEM -> {
                    String bullet = marker.isEmpty() ? "-" : marker;
                    out.append(bullet).append(" **NL:** ").append(dutch).append("\n\n")
                            .append(" ".repeat(bullet.length() + 1)).append("**EN:** ").append(english).append('\n');
                }
                case PARAGRAPH -> out.append("**NL:** ").append(dutch).append("\n\n")
                        .append("**EN:** ").append(english).append('\n');
            }
        }
        return out.toString();
    }

    /** Backslash-escapes the ASCII punctuation that could start Markdown or HTML constructs inside a line. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
