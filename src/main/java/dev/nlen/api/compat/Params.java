package dev.nlen.api.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.QueryStringDecoder;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Request parameters as the compat APIs take them: form-encoded (a name may repeat), a JSON object (a value may be
 * an array) or the query string, all seen as name → values. Unknown names are refused, naming them.
 */
public final class Params {

    private final Map<String, List<String>> values;
    private final Set<String> arrays;

    private Params(Map<String, List<String>> values, Set<String> arrays) {
        this.values = values;
        this.arrays = arrays;
    }

    public static Params of(Map<String, List<String>> values) {
        return new Params(new LinkedHashMap<>(values), Set.of());
    }

    /** The body as form or JSON (by Content-Type), with the query string's parameters added. */
    public static Params read(MediaType type, byte[] body, Map<String, List<String>> query, ObjectMapper json) {
        Map<String, List<String>> values = new LinkedHashMap<>(query);
        Set<String> arrays = new HashSet<>();
        if (body.length > 0) {
            if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                fromJson(utf8(body), json, arrays).forEach((k, v) -> values.merge(k, v, Params::concat));
            } else if (type == null || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
                fromForm(utf8(body)).forEach((k, v) -> values.merge(k, v, Params::concat));
            } else {
                throw new CompatException(415, "Content-Type " + type + " is not accepted; send "
                        + "application/x-www-form-urlencoded or application/json");
            }
        }
        return new Params(values, arrays);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw CompatException.badRequest("the body is not valid UTF-8");
        }
    }

    private static Map<String, List<String>> fromForm(String body) {
        try {
            return new QueryStringDecoder(body, StandardCharsets.UTF_8, false, 1024).parameters();
        } catch (IllegalArgumentException e) {
            throw CompatException.badRequest("malformed form body: " + e.getMessage());
        }
    }

    private static Map<String, List<String>> fromJson(String body, ObjectMapper json, Set<String> arrays) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw CompatException.badRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw CompatException.badRequest("the JSON body must be an object");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> list = new ArrayList<>();
            if (field.getValue().isArray()) {
                arrays.add(field.getKey());
                field.getValue().forEach(item -> list.add(scalar(field.getKey(), item)));
            } else if (!field.getValue().isNull()) {
                list.add(scalar(field.getKey(), field.getValue()));
            }
            values.put(field.getKey(), list);
        }
        return values;
    }

    private static String scalar(String name, JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "1" : "0";
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        throw CompatException.badRequest("'" + name + "' must be a string" + (node.isArray() ? "" : " or an array of strings"));
    }

    /** Refuses any name outside {@code known}. */
    public Params only(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw CompatException.badRequest("unknown parameter '" + name + "'; known: "
                        + known.stream().sorted().toList());
            }
        }
        return this;
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Whether {@code name} came as a JSON array (or repeated), however many values it holds. */
    public boolean isArray(String name) {
        return arrays.contains(name) || all(name).size() > 1;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The one value of {@code name}; a repeated parameter is refused. */
    public Optional<String> one(String name) {
        List<String> list = all(name);
        if (list.size() > 1) {
            throw CompatException.badRequest("parameter '" + name + "' is given " + list.size() + " times; it takes one value");
        }
        return list.stream().findFirst();
    }
}
