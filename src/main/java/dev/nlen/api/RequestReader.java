package dev.nlen.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Iterator;
import java.util.Set;

/**
 * Turns the raw body into a {@link TranslateRequest}: {@code text/plain} is the article itself, {@code application/json}
 * is {@code {"text": ..., "options": {...}}}. Every refusal names the field at fault.
 */
final class RequestReader {

    private static final Set<String> ROOT_FIELDS = Set.of("text", "options", "format");
    private static final Set<String> OPTION_FIELDS = Set.of("beams", "maxNewTokens", "alternatives");

    private final ObjectMapper json;

    RequestReader(ObjectMapper json) {
        this.json = json;
    }

    TranslateRequest read(MediaType type, byte[] body) {
        if (type == null) {
            throw unsupported("none");
        }
        if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return new TranslateRequest(decode(body, charset(type)), TranslateRequest.Options.NONE, "html");
        }
        if (type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            return new TranslateRequest(decode(body, charset(type)), TranslateRequest.Options.NONE);
        }
        if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return fromJson(decode(body, StandardCharsets.UTF_8));
        }
        throw unsupported(type.toString());
    }

    private static ProblemException unsupported(String type) {
        return ProblemException.of(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Content-Type " + type + " is not accepted; send the article as text/plain; charset=utf-8, as text/html "
                        + "or as application/json {\"text\": ...}", "Content-Type",
                "text/plain, text/html, application/json");
    }

    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw unsupported(type.toString());
        }
    }

    /** Strict decoding: a malformed byte is an error, never a silent replacement character. */
    private static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("body", "the body is not valid " + charset.name());
        }
    }

    private TranslateRequest fromJson(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonParseException e) {
            throw ProblemException.invalid("body", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.invalid("body", "malformed JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.invalid("body", "the JSON body must be an object {\"text\": ..., \"options\": {...}}");
        }
        rejectUnknown(root, ROOT_FIELDS, "");
        JsonNode text = root.get("text");
        if (text == null || !text.isTextual()) {
            throw ProblemException.invalid("text", "'text' is required and must be a string");
        }
        String format = format(root.get("format"));
        JsonNode options = root.get("options");
        if (options == null || options.isNull()) {
            return new TranslateRequest(text.asText(), TranslateRequest.Options.NONE, format);
        }
        if (!options.isObject()) {
            throw ProblemException.invalid("options", "'options' must be an object");
        }
        rejectUnknown(options, OPTION_FIELDS, "options.");
        return new TranslateRequest(text.asText(), new TranslateRequest.Options(
                integer(options, "beams"), integer(options, "maxNewTokens"), integer(options, "alternatives")), format);
    }

    private static String format(JsonNode format) {
        if (format == null || format.isNull()) {
            return "text";
        }
        if (!format.isTextual() || !Set.of("text", "html").contains(format.asText())) {
            throw ProblemException.invalid("format", "'format' must be \"text\" or \"html\"");
        }
        return format.asText();
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ProblemException.invalid(prefix + name, "unknown field '" + prefix + name + "'; known: "
                        + known.stream().sorted().map(k -> prefix + k).toList());
            }
        }
    }

    private static Integer integer(JsonNode options, String name) {
        JsonNode value = options.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ProblemException.invalid("options." + name, "'options." + name + "' must be an integer");
        }
        return value.asInt();
    }
}
