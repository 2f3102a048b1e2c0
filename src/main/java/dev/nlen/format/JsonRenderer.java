package dev.nlen.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.nlen.translation.AlignedDocument;
import java.io.UncheckedIOException;

/** {@code application/json}: the {@link JsonDocumentView} shape, compact, non-ASCII written as is. */
public final class JsonRenderer implements DocumentRenderer {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String formatName() {
        return "json";
    }

    @Override
    public String render(AlignedDocument document) {
        try {
            return MAPPER.writeValueAsString(JsonDocumentView.of(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("records of strings and numbers always serialise", e);
        }
    }
}
