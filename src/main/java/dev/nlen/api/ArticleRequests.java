package dev.nlen.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nlen.config.TranslatorConfig;
import dev.nlen.config.TranslatorRuntime;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.text.SegmentedArticle;
import dev.nlen.translation.ArticleTranslator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

/**
 * A translation request body checked and segmented: the one gate of {@code /v1/translate} and its stream, so both
 * take the same inputs and refuse them with the same problems (limits, options, readiness).
 */
@Singleton
public class ArticleRequests {

    /** A request ready to translate. */
    public record Prepared(ArticleTranslator translator, SegmentedArticle article, GenerationOptions options) {}

    @Inject
    TranslatorRuntime runtime;

    @Inject
    ObjectMapper json;

    public Prepared prepare(MediaType contentType, byte[] body) {
        TranslatorConfig.Limits limits = runtime.config().limits();
        if (body.length > limits.maxBodyBytes()) {
            throw ProblemException.tooLarge("body", "the body has " + body.length + " bytes; the limit is "
                    + limits.maxBodyBytes(), limits.maxBodyBytes());
        }
        TranslateRequest request = new RequestReader(json).read(contentType, body);
        String text = checkedText(request.text(), limits);
        ArticleTranslator translator = runtime.translator().orElseThrow(this::notReady);
        GenerationOptions defaults = runtime.defaults().orElseThrow(this::notReady);
        GenerationOptions options = OptionsResolver.resolve(
                request.options() == null ? TranslateRequest.Options.NONE : request.options(), defaults);
        SegmentedArticle article = translator.segment(text);
        if (article.paragraphs().size() > limits.maxParagraphs()) {
            throw ProblemException.tooLarge("text", "the article has " + article.paragraphs().size()
                    + " paragraphs; the limit is " + limits.maxParagraphs(), limits.maxParagraphs());
        }
        return new Prepared(translator, article, options);
    }

    private static String checkedText(String text, TranslatorConfig.Limits limits) {
        if (text.isBlank()) {
            throw ProblemException.invalid("text", "the text is empty or only white space");
        }
        int characters = text.codePointCount(0, text.length());
        if (characters > limits.maxCharacters()) {
            throw ProblemException.tooLarge("text", "the text has " + characters + " characters; the limit is "
                    + limits.maxCharacters(), limits.maxCharacters());
        }
        return text;
    }

    private ProblemException notReady() {
        TranslatorRuntime.Status status = runtime.status();
        return ProblemException.of(Status.SERVICE_UNAVAILABLE, "not-ready", "Model not ready",
                "the model is " + status.state() + (status.error() != null ? ": " + status.error() : ""), null, null);
    }
}
