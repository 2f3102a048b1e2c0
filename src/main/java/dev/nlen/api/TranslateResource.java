package dev.nlen.api;

import dev.nlen.format.DocumentRenderer;
import dev.nlen.translation.AlignedDocument;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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

/** {@code POST /v1/translate}: a Dutch article in, the aligned bilingual document out, in the format asked for. */
@Path("/v1/translate")
public class TranslateResource {

    @Inject
    ArticleRequests requests;

    @Inject
    TranslationMetrics metrics;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Translate a Dutch article to English",
            description = "Splits the article into paragraphs (blank lines), headings, list items and sentences, "
                    + "translates every sentence and returns them aligned. The Accept header picks the format.")
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                examples = @ExampleObject(name = "article", value = "Het kabinet presenteert vandaag de begroting.\n\n"
                        + "Volgens dhr. De Vries is dat een goed plan.")),
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
    @APIResponse(responseCode = "503", description = "The model is still loading or failed to load",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response translate(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                              @Context HttpHeaders headers, byte[] body) {
        DocumentRenderer renderer = OutputFormats.negotiate(headers.getAcceptableMediaTypes());
        ArticleRequests.Prepared request = requests.prepare(contentType, body);
        AlignedDocument document = request.translator().translate(request.article(), request.options());
        metrics.record(document);
        return Response.ok(renderer.render(document), renderer.mediaType() + ";charset=UTF-8").build();
    }
}
