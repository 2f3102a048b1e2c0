package dev.nlen.api;

import dev.nlen.config.TranslatorConfig;
import dev.nlen.config.TranslatorRuntime;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.markup.HtmlDocument;
import dev.nlen.text.SegmentedArticle;
import dev.nlen.translation.ArticleTranslator;
import dev.nlen.api.security.ClientGate;
import dev.nlen.api.security.KeyFilter;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;

/**
 * A translation request body checked and segmented: the one gate of {@code /v1/translate} and its stream, so both
 * take the same inputs and refuse them with the same problems (limits, options, the client's character budget, readiness).
 */
@Singleton
public class ArticleRequests {

    /**
     * A request ready to translate; {@code html} is set when the body was HTML; {@code client} is whose share of
     * the queue it takes (its API key's id, else its address).
     */
    public record Prepared(ArticleTranslator translator, SegmentedArticle article, GenerationOptions options,
                           HtmlDocument html, String client) {}

    @Inject
    TranslatorRuntime runtime;

    @Inject
    ClientGate gate;

    /** @param address the client's address, which counts in place of its API key when keys are off */
    public Prepared prepare(HttpHeaders headers, byte[] body, SocketAddress address) {
        TranslatorConfig.Limits limits = runtime.config().limits();
        if (body.length > limits.maxBodyBytes()) {
            throw ProblemException.tooLarge("body", "the body has " + body.length + " bytes; the limit is "
                    + limits.maxBodyBytes(), limits.maxBodyBytes());
        }
        TranslateRequest request = RequestReader.read(HeaderChecks.contentType(headers), body);
        HtmlDocument html = request.html() ? HtmlDocument.parse(request.text()) : null;
        if (html != null && html.pieces().isEmpty()) {
            throw ProblemException.invalid("text", "the HTML holds no text to translate (only markup, scripts or code)");
        }
        String text = TextChecks.checked(html == null ? request.text() : html.plainText(), limits);
        // charged before readiness: a client's characters count even while the model loads
        String key = KeyFilter.bearer(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        gate.charge(key, address, text.codePointCount(0, text.length())).ifPresent(refusal -> {
            throw KeyFilter.exception(refusal);
        });
        ArticleTranslator translator = runtime.translator().orElseThrow(this::notReady);
        GenerationOptions defaults = runtime.defaults().orElseThrow(this::notReady);
        GenerationOptions options = OptionsResolver.resolve(
                request.options() == null ? TranslateRequest.Options.NONE : request.options(), defaults);
        SegmentedArticle article = html == null ? translator.segment(text) : translator.segment(html);
        if (article.paragraphs().isEmpty()) {
            throw ProblemException.invalid("text", "the text has nothing to translate");
        }
        if (article.paragraphs().size() > limits.maxParagraphs()) {
            throw ProblemException.tooLarge("text", "the article has " + article.paragraphs().size()
                    + " paragraphs; the limit is " + limits.maxParagraphs(), limits.maxParagraphs());
        }
        return new Prepared(translator, article, options, html, gate.client(key, address));
    }

    private ProblemException notReady() {
        TranslatorRuntime.Status status = runtime.status();
        // the cause (with the model folder's path) is in the server log and readiness, not in answers to clients
        return ProblemException.of(Status.SERVICE_UNAVAILABLE, "not-ready", "Model not ready",
                "the model is " + status.state() + "; try again later", null, null)
                .withHeader(HttpHeaders.RETRY_AFTER, status.state().equals("failed") ? "60" : "5");
    }
}
