package dev.nlen.translation;

/**
 * An HTML document translated: the aligned document of its text (one paragraph per HTML piece, offsets into
 * {@link dev.nlen.markup.HtmlDocument#plainText()}) and the HTML with the English in place of the Dutch.
 */
public record TranslatedHtml(AlignedDocument document, String html) {}
