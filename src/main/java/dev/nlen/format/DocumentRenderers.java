package dev.nlen.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The available renderers, found by media type (parameters such as {@code charset} ignored) or short name. */
public final class DocumentRenderers {

    private static final List<DocumentRenderer> ALL = List.of(new JsonRenderer(), new PlainTextRenderer(),
            new MarkdownRenderer(), new HtmlRenderer(), new TmxRenderer());

    private DocumentRenderers() {
    }

    public static List<DocumentRenderer> all() {
        return ALL;
    }

    /** {@code "text/html; charset=utf-8"} → the HTML renderer; case-insensitive. */
    public static Optional<DocumentRenderer> forMediaType(String mediaType) {
        String bare = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(r -> r.mediaType().equals(bare)).findFirst();
    }

    /** {@code "tmx"} → the TMX renderer; case-insensitive. */
    public static Optional<DocumentRenderer> forFormatName(String name) {
        String bare = name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(r -> r.formatName().equals(bare)).findFirst();
    }

    public static List<String> mediaTypes() {
        return ALL.stream().map(DocumentRenderer::mediaType).toList();
    }
}
