package dev.nlen.api.libre;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nlen.api.compat.CompatException;
import dev.nlen.api.compat.CompatResponses;
import dev.nlen.api.compat.CompatTranslator;
import dev.nlen.api.compat.Params;
import dev.nlen.api.compat.Splitting;
import dev.nlen.api.security.ClientGate;
import dev.nlen.config.LanguageDetection;
import dev.nlen.config.TranslatorRuntime;
import dev.nlen.detect.LanguageGuess;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** LibreTranslate's API for Dutch→English: translate, languages, detect, frontend settings. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "LibreTranslate API", description = "Drop-in for LibreTranslate clients (Dutch→English)")
public class LibreResource {

    /** How long {@code /detect} waits for the detector to finish loading. */
    private static final Duration DETECT_WAIT = Duration.ofSeconds(20);

    record Detected(double confidence, String language) {
        static Detected of(LanguageGuess guess) {
            return new Detected(Math.round(guess.confidence() * 1000) / 10.0, guess.language());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Translated(Object translatedText, Object alternatives, Object detectedLanguage) {}

    record Language(String code, String name, List<String> targets) {}

    record Error(String error) {}

    private static final List<Language> LANGUAGES = List.of(new Language("nl", "Dutch", List.of("en")),
            new Language("en", "English", List.of()));

    @Inject
    TranslatorRuntime runtime;

    @Inject
    CompatTranslator translator;

    @Inject
    LanguageDetection detection;

    @Inject
    ClientGate gate;

    @Inject
    ObjectMapper json;

    @POST
    @Path("/translate")
    @Blocking // parsing and segmenting here; decoding on the batch workers
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Translate text (LibreTranslate)", description = "JSON or form: q (string or array), "
            + "source nl or auto, target en, format text or html, alternatives (n-best of beam search), api_key.")
    public CompletionStage<Response> translate(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                                               @Context HttpServerRequest http, @Context UriInfo uri, byte[] body) {
        LibreRequest request = LibreRequest.of(params(type, uri, body));
        refuse(gate.admit(request.apiKey().orElse(null), http.remoteAddress(), request.texts()));
        return CompatResponses.answer(translator.translate(new CompatTranslator.Request(request.texts(),
                Splitting.SENTENCES, request.alternatives(), request.auto(),
                request.html() ? new CompatTranslator.Markup(true, Set.of(), Set.of()) : CompatTranslator.Markup.NONE)),
                results -> answer(request, results),
                Error::new);
    }

    private static Translated answer(LibreRequest request, List<CompatTranslator.Result> results) {
        List<String> texts = results.stream().map(CompatTranslator.Result::text).toList();
        List<List<String>> alternatives = results.stream().map(CompatTranslator.Result::alternatives).toList();
        List<Detected> detected = results.stream().map(r -> Detected.of(r.detected())).toList();
        boolean withAlternatives = request.alternatives() > 0;
        return request.array()
                ? new Translated(texts, withAlternatives ? alternatives : null, request.auto() ? detected : null)
                : new Translated(texts.getFirst(), withAlternatives ? alternatives.getFirst() : null,
                        request.auto() ? detected.getFirst() : null);
    }

    @GET
    @Path("/languages")
    @Operation(summary = "Languages and their targets (LibreTranslate)")
    public List<Language> languages() {
        return LANGUAGES;
    }

    @POST
    @Path("/detect")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Detect the language of a text (LibreTranslate): candidates with confidence 0..100")
    public List<Detected> detect(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                                 @Context HttpServerRequest http, @Context UriInfo uri, byte[] body) {
        Params params = params(type, uri, body).only(Set.of("q", "api_key", "apiKey"));
        refuse(gate.enter(LibreRequest.apiKey(params).orElse(null), http.remoteAddress()));
        String q = params.one("q").filter(t -> !t.isBlank()).orElseThrow(() ->
                CompatException.badRequest("Invalid request: missing q parameter"));
        List<LanguageGuess> guesses = detection.awaitGuesses(q, DETECT_WAIT).orElseThrow(() ->
                new CompatException(503, "language detection is not available (switched off or still loading)", 5));
        return guesses.stream().filter(g -> g.confidence() > 0).map(Detected::of).toList();
    }

    @GET
    @Path("/frontend/settings")
    @Operation(summary = "Settings a LibreTranslate front end reads")
    public Map<String, Object> settings() {
        return Map.of("charLimit", runtime.config().limits().maxCharacters(), "frontendTimeout", 500,
                "apiKeys", gate.keysRequired(), "keyRequired", gate.keysRequired(), "suggestions", false, "filesTranslation", false,
                "supportedFilesFormat", List.of(),
                "language", Map.of("source", Map.of("code", "nl", "name", "Dutch"),
                        "target", Map.of("code", "en", "name", "English")));
    }

    private static void refuse(Optional<ClientGate.Refusal> refusal) {
        refusal.ifPresent(r -> {
            throw CompatException.refused(r, "Invalid API key");
        });
    }

    private Params params(MediaType type, UriInfo uri, byte[] body) {
        int limit = runtime.config().limits().maxBodyBytes();
        if (body.length > limit) {
            throw CompatException.tooLarge("the body has " + body.length + " bytes; the limit is " + limit);
        }
        return Params.read(type, body, uri.getQueryParameters(), json);
    }

    @ServerExceptionMapper
    public Response refused(CompatException e) {
        return CompatResponses.error(e, Error::new);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return CompatResponses.error(e, Error::new);
    }
}
