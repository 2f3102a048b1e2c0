package dev.nlen.api.deepl;

import dev.nlen.api.compat.CompatException;
import dev.nlen.api.compat.Params;
import dev.nlen.api.compat.Splitting;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The parameters of {@code POST /v2/translate}, checked as DeepL checks them for a Dutch→English service. */
record DeepLRequest(List<String> texts, boolean sourceGiven, String targetLang, Splitting splitting,
                    String tagHandling, List<String> ignoreTags, List<String> nonSplittingTags,
                    List<String> splittingTags, boolean showBilledCharacters) {

    static final Set<String> TARGETS = Set.of("EN", "EN-GB", "EN-US");
    private static final Set<String> KNOWN = Set.of("text", "source_lang", "target_lang", "split_sentences",
            "preserve_formatting", "tag_handling", "ignore_tags", "non_splitting_tags", "splitting_tags",
            "outline_detection", "context", "formality", "show_billed_characters", "model_type", "glossary_id");
    private static final Set<String> FORMALITIES = Set.of("default", "prefer_more", "prefer_less");
    private static final Set<String> MODEL_TYPES = Set.of("quality_optimized", "prefer_quality_optimized",
            "latency_optimized");

    static DeepLRequest of(Params params, int maxTexts) {
        params.only(KNOWN);
        List<String> texts = params.all("text");
        if (texts.isEmpty()) {
            throw CompatException.badRequest("Parameter 'text' not specified.");
        }
        if (texts.size() > maxTexts) {
            throw CompatException.tooLarge("Parameter 'text' has " + texts.size() + " values; the limit is "
                    + maxTexts + ".");
        }
        String source = params.one("source_lang").map(s -> s.toUpperCase(Locale.ROOT)).orElse("");
        if (!source.isEmpty() && !source.equals("NL")) {
            throw CompatException.badRequest("Value for 'source_lang' not supported: '" + source + "'; this service "
                    + "translates from NL (or leave source_lang out).");
        }
        String target = params.one("target_lang").map(s -> s.toUpperCase(Locale.ROOT)).orElseThrow(() ->
                CompatException.badRequest("Parameter 'target_lang' not specified."));
        if (!TARGETS.contains(target)) {
            throw CompatException.badRequest("Value for 'target_lang' not supported: '" + target + "'; supported: "
                    + "EN, EN-GB, EN-US.");
        }
        flag(params, "preserve_formatting");
        flag(params, "outline_detection");
        boolean billed = flag(params, "show_billed_characters");
        params.one("formality").ifPresent(DeepLRequest::formality);
        params.one("model_type").filter(m -> !MODEL_TYPES.contains(m)).ifPresent(m -> {
            throw CompatException.badRequest("Value for 'model_type' not supported: '" + m + "'; supported: "
                    + MODEL_TYPES.stream().sorted().toList() + ".");
        });
        if (params.has("glossary_id")) {
            throw CompatException.badRequest("Parameter 'glossary_id' is not supported: this service has no glossaries.");
        }
        params.one("context"); // accepted and, as at DeepL, neither translated nor billed
        String tags = params.one("tag_handling").orElse("");
        if (!tags.isEmpty() && !tags.equals("xml") && !tags.equals("html")) {
            throw CompatException.badRequest("Value for 'tag_handling' not supported: '" + tags + "'; supported: "
                    + "xml, html.");
        }
        return new DeepLRequest(texts, !source.isEmpty(), target, splitting(params), tags, tagList(params, "ignore_tags"),
                tagList(params, "non_splitting_tags"), tagList(params, "splitting_tags"), billed);
    }

    private static Splitting splitting(Params params) {
        return switch (params.one("split_sentences").orElse("1")) {
            case "1" -> Splitting.SENTENCES;
            case "0" -> Splitting.NONE;
            case "nonewlines" -> Splitting.NO_NEWLINES;
            default -> throw CompatException.badRequest("Value for 'split_sentences' not supported: '"
                    + params.one("split_sentences").orElseThrow() + "'; supported: 0, 1, nonewlines.");
        };
    }

    /** DeepL's booleans: 0/1 (JSON true/false arrive as 1/0). */
    private static boolean flag(Params params, String name) {
        String value = params.one(name).orElse("0");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw CompatException.badRequest("Value for '" + name + "' not supported: '" + value
                    + "'; supported: 0, 1.");
        };
    }

    /** English has no formal register at DeepL: only the "prefer" and default values pass. */
    private static void formality(String value) {
        if (value.equals("more") || value.equals("less")) {
            throw CompatException.badRequest("'formality' is not supported for given 'target_lang'; use "
                    + "prefer_more or prefer_less for EN.");
        }
        if (!FORMALITIES.contains(value)) {
            throw CompatException.badRequest("Value for 'formality' not supported: '" + value + "'; supported: "
                    + "default, more, less, prefer_more, prefer_less.");
        }
    }

    /** A tag list: comma-separated, repeated, or both. */
    private static List<String> tagList(Params params, String name) {
        return params.all(name).stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(t -> !t.isEmpty()).toList();
    }
}
