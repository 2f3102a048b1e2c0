package dev.nlen.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nlen.format.JsonDocumentView;
import dev.nlen.translation.AlignedDocument;
import dev.nlen.translation.AlignedParagraph;
import dev.nlen.translation.RequestClient;
import dev.nlen.config.TranslatorConfig;
import dev.nlen.config.TranslatorRuntime;
import dev.nlen.api.security.KeyRequired;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/translate/stream}: the same request as {@code /v1/translate}, answered as Server-Sent Events — a
 * {@code start} event (counts), one {@code paragraph} event per paragraph in article order as soon as it and all
 * before it are translated, then {@code stats}; or {@code error} (a problem document) when the translation fails
 * midway. A client that disconnects gives up the paragraphs not yet translated.
 */
@Path("/v1/translate/stream")
@KeyRequired
public class TranslateStreamResource {

    private static final Logger LOG = Logger.getLogger(TranslateStreamResource.class);

    /** The {@code start} event: what is coming. */
    record Start(int paragraphs, int sentences) {}

    /** The {@code stats} event: the document's JSON without its paragraphs (they were streamed). */
    record Summary(JsonDocumentView.Model model, String sourceLang, String targetLang, JsonDocumentView.Stats stats) {}

    @Inject
    ArticleRequests requests;

    @Inject
    TranslatorRuntime runtime;

    @Inject
    TranslationMetrics metrics;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // segmenting and tokenizing happen before the first event, off the event loop
    @Operation(summary = "Translate a Dutch article, paragraph by paragraph, as Server-Sent Events",
            description = "Takes what POST /v1/translate takes. Events: start {paragraphs, sentences}, then "
                    + "paragraph (the JSON paragraph of /v1/translate, id = its index) in order, then stats "
                    + "{model, sourceLang, targetLang, stats}; error (problem document) if the translation fails. "
                    + "Bad requests are refused before the stream starts, as /v1/translate refuses them.")
    @APIResponse(responseCode = "200", description = "The event stream; a translation stopped midway (timed out at "
            + "translator.scheduling.request-timeout, shutting down) ends with an error event holding its problem")
    @APIResponse(responseCode = "429", description = "Over the client's rate limits or its share of the queue (Retry-After)")
    @APIResponse(responseCode = "503", description = "Model not ready, queue full or shutting down (Retry-After)")
    public Multi<OutboundSseEvent> stream(@Context HttpHeaders headers, @Context HttpServerRequest http,
                                          @Context Sse sse, byte[] body) {
        ArticleRequests.Prepared request = requests.prepare(headers, body, http.remoteAddress());
        TranslatorConfig.Scheduling scheduling = runtime.config().scheduling();
        Function<AlignedParagraph, JsonDocumentView.Paragraph> view =
                JsonDocumentView.paragraphsOf(request.article().text());
        // started here, on the worker thread (tokenizing is work); the processor holds events until subscribed
        UnicastProcessor<OutboundSseEvent> events = UnicastProcessor.create();
        events.onNext(event(sse, "start", null, new Start(request.article().paragraphs().size(),
                request.article().sentenceCount())));
        // on behalf of the key or address, so the scheduler holds the client to its share of the queue
        CompletableFuture<AlignedDocument> done = RequestClient.call(request.client(),
                () -> request.translator().stream(request.article(), request.options(),
                        paragraph -> events.onNext(event(sse, "paragraph", String.valueOf(paragraph.index()),
                                view.apply(paragraph)))));
        if (done.isCompletedExceptionally()) {
            // refused as it was queued (queue full, client share, shutting down): answered before the stream starts
            BoundedTranslation.problemFor(done.exceptionNow(), scheduling).ifPresent(problem -> {
                throw problem;
            });
        }
        done.orTimeout(scheduling.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((document, failure) -> finish(sse, events, document, failure, scheduling));
        // a client gone (the subscription cancelled) gives up the paragraphs still queued
        return events.onCancellation().invoke(() -> {
            if (done.cancel(true)) {
                metrics.streamCancelled();
            }
        });
    }

    private void finish(Sse sse, UnicastProcessor<OutboundSseEvent> events, AlignedDocument document,
                        Throwable failure, TranslatorConfig.Scheduling scheduling) {
        if (failure instanceof CancellationException) {
            return;
        }
        if (failure != null) {
            // timed out, shut down, queue full for a later paragraph: their problems; anything else is ours
            Problem problem = BoundedTranslation.problemFor(failure, scheduling).map(ProblemException::problem)
                    .orElseGet(() -> {
                        LOG.error("streamed translation failed", failure);
                        return new Problem("/problems/internal", "Internal error", 500,
                                "the translation failed unexpectedly; the server log has the details", null, null);
                    });
            events.onNext(event(sse, "error", null, problem));
        } else {
            metrics.record(document);
            JsonDocumentView whole = JsonDocumentView.of(document);
            events.onNext(event(sse, "stats", null, new Summary(whole.model(), whole.sourceLang(),
                    whole.targetLang(), whole.stats())));
        }
        events.onComplete();
    }

    private OutboundSseEvent event(Sse sse, String name, String id, Object data) {
        try {
            OutboundSseEvent.Builder builder = sse.newEventBuilder().name(name)
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, json.writeValueAsString(data));
            return (id == null ? builder : builder.id(id)).build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("records of strings and numbers always serialise", e);
        }
    }
}
