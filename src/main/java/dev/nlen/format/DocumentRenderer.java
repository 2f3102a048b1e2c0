package dev.nlen.format;

import dev.nlen.translation.AlignedDocument;

/** Turns an aligned document into one output format. Implementations are stateless and thread-safe. */
public sealed interface DocumentRenderer
        permits JsonRenderer, PlainTextRenderer, MarkdownRenderer, HtmlRenderer, TmxRenderer {

    /** The media type without parameters, e.g. {@code text/html}; the text is always UTF-8. */
    String mediaType();

    /** A short name for command lines and query parameters, e.g. {@code html}. */
    String formatName();

    String render(AlignedDocument document);
}
