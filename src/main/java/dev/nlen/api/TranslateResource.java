package dev.nlen.api;

import dev.nlen.config.TranslatorRuntime;
import dev.nlen.format.DocumentRenderer;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.markup.HtmlDocument;
import dev.nlen.text.SegmentedArticle;
import dev.nlen.translation.AlignedDocument;
import dev.nlen.translation.ArticleTranslator;
import dev.nlen.translation.TranslatedHtml;
import io.smallrye.common.annotation.Blocking;
import dev.nlen.api.security.KeyRequired;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/** {@code POST /v1/translate}: a Dutch article in, the aligned bilingual document out, in the format asked for. */
@Path("/v1/translate")
@KeyRequired
public class TranslateResource {

    @Inject
    TranslatorRuntime runtime;

    @Inject
    TranslationMetrics metrics;

    @Inject
    ArticleRequests requests;

    @POST
    @Blocking // parsing, segmenting and tokenizing run here; decoding runs on the batch workers
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Translate a Dutch article to English",
            description = "Splits the article into paragraphs (blank lines), headings, list items and sentences, "
                    + "translates every sentence and returns them aligned. The Accept header picks the format. HTML "
                    + "(text/html or format html) is cut at its blocks; Accept text/html then answers the same HTML "
                    + "with the English in place, markup kept.")
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                examples = @ExampleObject(name = "article", value = "Het kabinet presenteert vandaag de begroting.\n\n"
                        + "Volgens dhr. De Vries is dat een goed plan.")),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                examples = @ExampleObject(name = "html", value = "<h1>Begroting</h1><p>Het kabinet presenteert "
                        + "<b>vandaag</b> de begroting.</p>")),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslateRequest.class),
                examples = @ExampleObject(name = "with options", value = "{\"text\": \"Goedemorgen. Hoe gaat het?\", "
                        + "\"options\": {\"beams\": 4, \"maxNewTokens\": 128, \"alternatives\": 1}}"))})
    @APIResponse(responseCode = "200", description = "The aligned document", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = MediaType.TEXT_PLAIN),
        @Content(mediaType = "text/markdown"), @Content(mediaType = MediaType.TEXT_HTML),
        @Content(mediaType = "application/x-tmx+xml")})
    @APIResponse(responseCode = "400", description = "Empty text, invalid UTF-8, malformed JSON or an option out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "No supported format in Accept",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body, characters or paragraphs over the configured limits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type other than text/plain or application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "API keys are configured and the request has none (Authorization: Bearer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The API key is not accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Over the client's requests or characters per minute, or the "
            + "client's requests already hold its share of the queue (translator.scheduling.max-client-share); "
            + "Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "504", description = "Not answered within translator.scheduling.request-timeout",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The model is still loading or failed to load, or the queue "
            + "holds as much work as it may (Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> translate(@Context HttpHeaders headers, @Context HttpServerRequest http,
                                               byte[] body) {
        DocumentRenderer renderer = OutputFormats.negotiate(headers.getAcceptableMediaTypes());
        ArticleRequests.Prepared prepared = requests.prepare(headers, body, http.remoteAddress());
        String client = prepared.client();
        HtmlDocument html = prepared.html();
        ArticleTranslator translator = prepared.translator();
        SegmentedArticle article = prepared.article();
        GenerationOptions options = prepared.options();
        if (html != null) {
            AtomicReference<CompletableFuture<TranslatedHtml>> translated = new AtomicReference<>();
            return BoundedTranslation.start(runtime.config().scheduling(), client, () -> {
                CompletableFuture<TranslatedHtml> work = translator.translateAsync(html, article, options);
                translated.set(work);
                return BoundedTranslation.following(work, TranslatedHtml::document);
            }, document -> htmlAnswer(translated.get().join(), renderer));
        }
        return BoundedTranslation.start(runtime.config().scheduling(), client,
                () -> translator.translateAsync(article, options), document -> {
                    metrics.record(document);
                    return Response.ok(renderer.render(document), renderer.mediaType() + ";charset=UTF-8").build();
                });
    }

    /** HTML in: text/html answers the same HTML translated; the other formats render its aligned document. */
    private Response htmlAnswer(TranslatedHtml translated, DocumentRenderer renderer) {
        metrics.record(translated.document());
        String answer = renderer.mediaType().equals(MediaType.TEXT_HTML) ? translated.html()
                : renderer.render(translated.document());
        return Response.ok(answer, renderer.mediaType() + ";charset=UTF-8").build();
    }
}
