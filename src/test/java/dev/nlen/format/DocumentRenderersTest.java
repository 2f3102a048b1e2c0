package dev.nlen.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentRenderersTest {

    @Test
    void findsEachRendererByMediaTypeIgnoringParametersAndCase() {
        assertInstanceOf(JsonRenderer.class, DocumentRenderers.forMediaType("application/json").orElseThrow());
        assertInstanceOf(PlainTextRenderer.class,
                DocumentRenderers.forMediaType("Text/Plain; charset=UTF-8").orElseThrow());
        assertInstanceOf(MarkdownRenderer.class, DocumentRenderers.forMediaType("text/markdown").orElseThrow());
        assertInstanceOf(HtmlRenderer.class, DocumentRenderers.forMediaType("text/html;charset=utf-8").orElseThrow());
        assertInstanceOf(TmxRenderer.class, DocumentRenderers.forMediaType("application/x-tmx+xml").orElseThrow());
        assertTrue(DocumentRenderers.forMediaType("application/pdf").isEmpty());
    }

    @Test
    void findsEachRendererByShortName() {
        assertEquals(List.of("json", "text", "markdown", "html", "tmx"),
                DocumentRenderers.all().stream().map(DocumentRenderer::formatName).toList());
        assertInstanceOf(TmxRenderer.class, DocumentRenderers.forFormatName(" TMX ").orElseThrow());
        assertTrue(DocumentRenderers.forFormatName("docx").isEmpty());
    }

    @Test
    void everyRendererHandlesAnEmptyDocument() {
        var empty = SampleDocuments.translated("", s -> s, List.of());
        for (DocumentRenderer renderer : DocumentRenderers.all()) {
            assertTrue(renderer.render(empty) != null, renderer.formatName());
        }
    }
}
