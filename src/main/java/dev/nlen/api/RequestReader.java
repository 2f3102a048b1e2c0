package dev.nlen.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the raw body into a {@link TranslateRequest}: {@code text/plain} is the article itself, {@code application/json}
 * is {@code {"text": ..., "options": {...}}}, bound to the records by a strict Jackson reader. Every refusal names
 * the field at fault.
 */
final class RequestReader {

    /**
     * One JSON document, no duplicate keys, no unknown fields, no coercions ("6" or 2.5 for an integer, 42 for the
     * text): what the client meant is never guessed.
     */
    private static final ObjectReader STRICT = strictMapper().readerFor(TranslateRequest.class);

    /** Jackson's message for a repeated key; the parser's context does not hold the repeated name yet. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    private RequestReader() {
    }

    private static JsonMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.String,
                CoercionInputShape.EmptyString, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    static TranslateRequest read(MediaType type, byte[] body) {
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

    static ProblemException unsupported(String type) {
        return ProblemException.of(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Content-Type " + type + " is not accepted; send the article as text/plain; charset=utf-8, as text/html "
                        + "or as application/json {\"text\": ...}", "Content-Type",
                "text/plain, text/html, application/json");
    }

    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
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

    private static TranslateRequest fromJson(String body) {
        TranslateRequest request;
        try {
            request = STRICT.readValue(body);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            String prefix = field.contains(".") ? field.substring(0, field.lastIndexOf('.') + 1) : "";
            throw ProblemException.invalid(field, "unknown field '" + field + "'; known: " + e.getKnownPropertyIds()
                    .stream().map(k -> prefix + k).sorted().collect(Collectors.joining(", ", "[", "]")));
        } catch (JsonMappingException e) {
            String field = path(e);
            if (e.getCause() instanceof InputCoercionException cause) {
                throw ProblemException.invalid(field, "'" + field + "' " + expected(field) + at(cause));
            }
            if (e.getCause() instanceof StreamReadException cause) {
                // a syntax error inside a nested object arrives wrapped, with the path up to that object
                Matcher duplicate = DUPLICATE.matcher(String.valueOf(cause.getOriginalMessage()));
                if (duplicate.find()) {
                    field = (field.isEmpty() ? "" : field + ".") + duplicate.group(1);
                    throw ProblemException.invalid(field, "duplicate field '" + field + "'" + at(cause));
                }
                throw ProblemException.invalid("body", "malformed JSON" + at(cause) + ": " + cause.getOriginalMessage());
            }
            throw ProblemException.invalid(field.isEmpty() ? "body" : field, field.isEmpty()
                    ? "the JSON body must be one object {\"text\": ..., \"options\": {...}}" + at(e)
                    : "'" + field + "' " + expected(field) + at(e));
        } catch (InputCoercionException e) {
            String field = contextPath(e);
            throw ProblemException.invalid(field, "'" + field + "' " + expected(field) + at(e));
        } catch (StreamReadException e) {
            // duplicate keys name the key; other syntax errors are the body's
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
            if (duplicate.find()) {
                String field = duplicatePath(e, duplicate.group(1));
                throw ProblemException.invalid(field, "duplicate field '" + field + "'" + at(e));
            }
            throw ProblemException.invalid("body",
                    "malformed JSON" + at(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "malformed JSON" + at(e));
        } catch (IOException e) {
            throw ProblemException.invalid("body", "the JSON body could not be read");
        }
        if (request == null) {
            throw ProblemException.invalid("body", "the JSON body must be an object {\"text\": ..., \"options\": {...}}");
        }
        if (request.text() == null) {
            throw ProblemException.invalid("text", "'text' is required and must be a string");
        }
        if (request.format() != null && !Set.of("text", "html").contains(request.format())) {
            throw ProblemException.invalid("format", "'format' must be \"text\" or \"html\"");
        }
        return new TranslateRequest(request.text(), request.options() == null ? TranslateRequest.Options.NONE
                : request.options(), request.format() == null ? "text" : request.format());
    }

    private static String expected(String field) {
        return field.equals("text") || field.equals("format") ? "must be a string" : field.equals("options") ? "must be an object"
                : "must be an integer";
    }

    /** The field a mapping failure is about, dotted ({@code options.beams}); empty for the root. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String contextPath(StreamReadException e) {
        if (e.getProcessor() instanceof JsonParser parser) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                return pointer.substring(1).replace('/', '.');
            }
        }
        return "body";
    }

    /** The repeated key's dotted path: the parser's context may or may not have moved onto the repeated name yet. */
    private static String duplicatePath(StreamReadException e, String name) {
        if (e.getProcessor() instanceof JsonParser parser) {
            JsonStreamContext context = parser.getParsingContext();
            if (name.equals(context.getCurrentName()) && context.getParent() != null) {
                context = context.getParent();
            }
            String pointer = context.pathAsPointer().toString();
            return pointer.isEmpty() ? name : pointer.substring(1).replace('/', '.') + "." + name;
        }
        return name;
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }
}
