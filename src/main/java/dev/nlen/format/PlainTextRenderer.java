package dev.nlen.format;

import dev.nlen.translation.AlignedDocument;

/**
 * {@code text/plain}: the English article in the source's layout. The separators between paragraphs (blank lines,
 * newline convention, indentation), the final newline, and heading and list markers are copied from the source;
 * each paragraph's text is its translation on one line. A leading BOM is not copied.
 */
public final class PlainTextRenderer implements DocumentRenderer {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public String formatName() {
        return "text";
    }

    @Override
    public String render(AlignedDocument document) {
        SourceLayout layout = new SourceLayout(document);
        StringBuilder out = new StringBuilder(document.sourceText().length() + 16);
        for (int i = 0; i < document.paragraphs().size(); i++) {
            var paragraph = document.paragraphs().get(i);
            out.append(layout.separatorBefore(i)).append(layout.marker(paragraph)).append(paragraph.target());
        }
        return out.append(layout.trailer()).toString();
    }
}
