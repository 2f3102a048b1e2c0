package dev.nlen.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of {@code POST /v1/translate}. */
@Schema(description = "A Dutch article and optional decoding options", requiredProperties = "text")
public record TranslateRequest(
        @Schema(description = "The Dutch article: paragraphs separated by blank lines",
                example = "De minister kondigde dinsdag nieuwe maatregelen aan.\n\nDe oppositie reageerde kritisch.")
        String text,
        @Schema(description = "Decoding options; each defaults to generation_config.json")
        Options options,
        @Schema(description = "text (the default) or html: the text is an HTML document or fragment whose markup is "
                + "kept around the translated text", enumeration = {"text", "html"}, example = "text")
        String format) {

    public TranslateRequest(String text, Options options) {
        this(text, options, "text");
    }

    /** The text is HTML: its blocks become paragraphs, its markup comes back around the English. */
    public boolean html() {
        return "html".equals(format);
    }

    @Schema(description = "Decoding options")
    public record Options(
            @Schema(description = "Beam width (1 = greedy)", minimum = "1", maximum = "16", example = "6")
            Integer beams,
            @Schema(description = "Most tokens generated per sentence", minimum = "1", maximum = "511", example = "256")
            Integer maxNewTokens,
            @Schema(description = "Runners-up returned per sentence (needs beams > alternatives)", minimum = "0",
                    maximum = "15", example = "0")
            Integer alternatives) {

        static final Options NONE = new Options(null, null, null);
    }
}
