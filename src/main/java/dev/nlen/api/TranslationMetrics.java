package dev.nlen.api;

import dev.nlen.translation.AlignedDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** What the service counts: requests, sentences, tokens, and latency and size histograms. */
@ApplicationScoped
public class TranslationMetrics {

    private final Counter requests;
    private final Counter sentences;
    private final Counter sourceTokens;
    private final Counter generatedTokens;
    private final DistributionSummary sentencesPerRequest;
    private final Timer latency;
    private final Counter streamsCancelled;

    public TranslationMetrics(MeterRegistry registry) {
        requests = Counter.builder("translator.requests").description("Translated articles").register(registry);
        sentences = Counter.builder("translator.sentences").description("Translated sentences").register(registry);
        sourceTokens = Counter.builder("translator.source.tokens").description("Source tokens read").register(registry);
        generatedTokens = Counter.builder("translator.generated.tokens").description("Target tokens generated")
                .register(registry);
        sentencesPerRequest = DistributionSummary.builder("translator.request.sentences")
                .description("Sentences translated together per request").publishPercentileHistogram()
                .register(registry);
        latency = Timer.builder("translator.request.latency").description("Time to translate one article")
                .publishPercentileHistogram().register(registry);
        streamsCancelled = Counter.builder("translator.stream.cancelled")
                .description("Streamed translations given up because the client went away").register(registry);
    }

    void streamCancelled() {
        streamsCancelled.increment();
    }

    public void record(AlignedDocument document) {
        AlignedDocument.Stats stats = document.stats();
        requests.increment();
        sentences.increment(stats.sentences());
        sourceTokens.increment(stats.sourceTokens());
        generatedTokens.increment(stats.targetTokens());
        sentencesPerRequest.record(stats.sentences());
        latency.record(Duration.ofMillis(stats.millis()));
    }
}
