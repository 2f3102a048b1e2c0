package dev.nlen.api;

import dev.nlen.config.TranslatorConfig;
import dev.nlen.config.TranslatorRuntime;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.translation.AlignedDocument;
import dev.nlen.translation.TranslationEngine;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the service translates and with which model. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {

    public record Languages(List<String> source, List<String> target, List<Pair> pairs) {}

    public record Pair(String source, String target) {}

    public record ModelDescription(String id, String revision, String precision, String device, Limits limits,
                                   Generation generation) {}

    public record Limits(int maxBodyBytes, int maxCharacters, int maxParagraphs, int maxSourceTokensPerSentence,
                         int maxBeams) {}

    /**
     * @param maxLengthFactor length guard: at most ceil(factor × source tokens) + offset new tokens per sentence,
     *                        never more than maxLength allows (0 = no guard)
     */
    public record Generation(int beams, int maxLength, double lengthPenalty, boolean renormalizeLogits,
                             String earlyStopping, double maxLengthFactor, int maxLengthOffset) {}

    @Inject
    TranslatorRuntime runtime;

    @GET
    @Path("/languages")
    @Operation(summary = "Languages this service translates between")
    public Languages languages() {
        return new Languages(List.of("nl"), List.of("en"), List.of(new Pair("nl", "en")));
    }

    @GET
    @Path("/model")
    @Operation(summary = "The loaded model, its limits and decoding defaults")
    public ModelDescription model() {
        TranslationEngine engine = runtime.engine().orElseThrow(() -> ProblemException.of(
                Status.SERVICE_UNAVAILABLE, "not-ready", "Model not ready", "the model is " + runtime.status().state(),
                null, null).withHeader("Retry-After", "5"));
        GenerationOptions defaults = runtime.defaults().orElseThrow();
        AlignedDocument.ModelInfo info = engine.info();
        TranslatorConfig.Limits limits = runtime.config().limits();
        return new ModelDescription(info.id(), info.revision(), info.precision(), info.device(),
                new Limits(limits.maxBodyBytes(), limits.maxCharacters(), limits.maxParagraphs(),
                        engine.maxSourceTokens(), GenerationOptions.MAX_BEAMS),
                new Generation(defaults.numBeams(), defaults.effectiveMaxLength(), defaults.lengthPenalty(),
                        defaults.renormalizeLogits(), defaults.earlyStopping().name().toLowerCase(),
                        defaults.lengthGuard().factor(), defaults.lengthGuard().offset()));
    }
}
