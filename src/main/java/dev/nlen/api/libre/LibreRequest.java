package dev.nlen.api.libre;

import dev.nlen.api.compat.CompatException;
import dev.nlen.api.compat.Params;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The parameters of LibreTranslate's {@code POST /translate}, checked for a Dutch→English service. */
record LibreRequest(List<String> texts, boolean array, boolean auto, boolean html, int alternatives,
                    Optional<String> apiKey) {

    // apiKey: what the npm "libretranslate" client sends in place of api_key
    private static final Set<String> KNOWN = Set.of("q", "source", "target", "format", "alternatives", "api_key",
            "apiKey");

    static LibreRequest of(Params params) {
        boolean jsonArray = params.isArray("q");
        params.only(KNOWN);
        List<String> texts = params.all("q");
        if (texts.isEmpty() || (!jsonArray && texts.getFirst().isEmpty())) {
            throw CompatException.badRequest("Invalid request: missing q parameter");
        }
        String source = params.one("source").orElseThrow(() ->
                CompatException.badRequest("Invalid request: missing source parameter"));
        if (!source.equals("nl") && !source.equals("auto")) {
            throw CompatException.badRequest("source language '" + source + "' is not supported; this service "
                    + "translates from nl (or auto)");
        }
        String target = params.one("target").orElseThrow(() ->
                CompatException.badRequest("Invalid request: missing target parameter"));
        if (!target.equals("en")) {
            throw CompatException.badRequest("target language '" + target + "' is not supported; this service "
                    + "translates to en");
        }
        String format = params.one("format").orElse("text");
        if (!format.equals("text") && !format.equals("html")) {
            throw CompatException.badRequest("format '" + format + "' is not supported; use text or html");
        }
        int alternatives = params.one("alternatives").map(LibreRequest::count).orElse(0);
        return new LibreRequest(texts, jsonArray, source.equals("auto"), format.equals("html"), alternatives,
                apiKey(params));
    }

    /** The request's API key: {@code api_key}, or {@code apiKey} as the npm client sends it; empty when blank. */
    static Optional<String> apiKey(Params params) {
        return params.one("api_key").or(() -> params.one("apiKey")).filter(k -> !k.isEmpty());
    }

    private static int count(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw CompatException.badRequest("alternatives must be an integer, got '" + value + "'");
        }
    }
}
