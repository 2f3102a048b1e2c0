package dev.nlen.api.deepl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nlen.api.compat.CompatException;
import dev.nlen.api.compat.CompatResponses;
import dev.nlen.api.compat.CompatTranslator;
import dev.nlen.api.compat.Params;
import dev.nlen.api.security.ClientGate;
import dev.nlen.api.security.KeyFilter;
import dev.nlen.config.TranslatorConfig;
import dev.nlen.config.TranslatorRuntime;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** DeepL API v2, the part that matters for Dutch→English: translate, usage, languages. */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DeepL API v2", description = "Drop-in for DeepL clients (Dutch→English)")
public class DeepLResource {

    record Translation(@JsonProperty("detected_source_language") String detectedSourceLanguage, String text,
                       @JsonProperty("billed_characters") @JsonInclude(JsonInclude.Include.NON_NULL) Long billed) {}

    record Translations(List<Translation> translations) {}

    record Usage(@JsonProperty("character_count") long characterCount,
                 @JsonProperty("character_limit") long characterLimit) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Language(String language, String name,
                    @JsonProperty("supports_formality") Boolean supportsFormality) {}

    record Message(String message) {}

    private static final List<Language> SOURCES = List.of(new Language("NL", "Dutch", null));
    private static final List<Language> TARGETS = List.of(new Language("EN-GB", "English (British)", false),
            new Language("EN-US", "English (American)", false));

    @Inject
    TranslatorRuntime runtime;

    @Inject
    CompatTranslator translator;

    @Inject
    DeepLUsage usage;

    @Inject
    ClientGate gate;

    @Inject
    ObjectMapper json;

    @POST
    @Path("/translate")
    @Blocking // parsing and segmenting here; decoding on the batch workers
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Translate texts (DeepL v2)", description = "Form-encoded or JSON, as DeepL takes them: "
            + "text (up to 50), target_lang EN/EN-GB/EN-US, source_lang NL or absent, split_sentences, "
            + "preserve_formatting, tag_handling xml/html, ignore_tags, non_splitting_tags, context, formality.")
    public CompletionStage<Response> translate(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                               @Context HttpServerRequest http, @Context UriInfo uri, byte[] body) {
        DeepLRequest request = DeepLRequest.of(params(type, uri, body), compat().deeplMaxTexts());
        refuse(gate.admit(key(authorization), http.remoteAddress(), request.texts()));
        long characters = request.texts().stream().mapToLong(t -> t.codePointCount(0, t.length())).sum();
        usage.reserve(characters, compat().deeplCharacterLimit());
        return CompatResponses.answer(translator.translate(new CompatTranslator.Request(request.texts(),
                request.splitting(), 0, !request.sourceGiven(), new CompatTranslator.Markup(
                        !request.tagHandling().isEmpty(), Set.copyOf(request.ignoreTags()),
                        Set.copyOf(request.nonSplittingTags())))), results -> translations(request, results),
                Message::new);
    }

    /** DeepL's own header, {@code Authorization: DeepL-Auth-Key <key>}; a Bearer key is taken too. */
    private static String key(String authorization) {
        String key = KeyFilter.prefixed(authorization, "DeepL-Auth-Key ");
        return key != null ? key : KeyFilter.bearer(authorization);
    }

    private static void refuse(Optional<ClientGate.Refusal> refusal) {
        refusal.ifPresent(r -> {
            throw CompatException.refused(r, "Authorization failure, check auth_key: Authorization: DeepL-Auth-Key <key>");
        });
    }

    private static Translations translations(DeepLRequest request, List<CompatTranslator.Result> results) {
        List<Translation> translations = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String text = request.texts().get(i);
            translations.add(new Translation(results.get(i).detected().language().toUpperCase(Locale.ROOT),
                    results.get(i).text(), request.showBilledCharacters()
                            ? (long) text.codePointCount(0, text.length()) : null));
        }
        return new Translations(translations);
    }

    @GET
    @Path("/usage")
    @Operation(summary = "Characters translated and the limit (DeepL v2)")
    public Usage usage() {
        return new Usage(usage.count(), compat().deeplCharacterLimit());
    }

    @POST
    @Path("/usage")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Characters translated and the limit (DeepL v2)")
    public Usage usagePost() {
        return usage();
    }

    @GET
    @Path("/languages")
    @Operation(summary = "Source or target languages (DeepL v2), type=source|target")
    public List<Language> languages(@Context UriInfo uri) {
        return languages(Params.of(uri.getQueryParameters()));
    }

    @POST
    @Path("/languages")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Source or target languages (DeepL v2), type=source|target")
    public List<Language> languagesPost(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, @Context UriInfo uri,
                                        byte[] body) {
        return languages(params(type, uri, body));
    }

    private List<Language> languages(Params params) {
        String type = params.only(Set.of("type")).one("type").orElse("source");
        return switch (type) {
            case "source" -> SOURCES;
            case "target" -> TARGETS;
            default -> throw CompatException.badRequest("Value for 'type' not supported: '" + type
                    + "'; supported: source, target.");
        };
    }

    private Params params(MediaType type, UriInfo uri, byte[] body) {
        int limit = compat().deeplMaxBodyBytes();
        if (body.length > limit) {
            throw CompatException.tooLarge("Request Entity Too Large: the body has " + body.length
                    + " bytes; the limit is " + limit + ".");
        }
        return Params.read(type, body, uri.getQueryParameters(), json);
    }

    private TranslatorConfig.Compat compat() {
        return runtime.config().compat();
    }

    @ServerExceptionMapper
    public Response refused(CompatException e) {
        return CompatResponses.error(e, Message::new);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return CompatResponses.error(e, Message::new);
    }
}
