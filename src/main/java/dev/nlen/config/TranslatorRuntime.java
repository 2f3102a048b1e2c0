package dev.nlen.config;

import dev.nlen.batching.BatchListener;
import dev.nlen.batching.BatchPolicy;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.generation.LengthGuard;
import dev.nlen.translation.CachingTranslator;
import dev.nlen.translation.PooledTranslator;
import dev.nlen.translation.SentenceTranslator;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import dev.nlen.text.ArticleSegmenter;
import dev.nlen.translation.ArticleTranslator;
import dev.nlen.translation.TranslationEngine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Owns the engine for the application's lifetime: loads it (in the background unless told otherwise, so liveness
 * answers at once), translates a warm-up sentence, and only then reports ready.
 */
@ApplicationScoped
public class TranslatorRuntime {

    private static final Logger LOG = Logger.getLogger(TranslatorRuntime.class);

    /** Where loading stands; {@code error} is set when it failed. */
    public record Status(boolean ready, String state, String error) {}

    @Inject
    TranslatorConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    LanguageDetection languages;

    private final ModelLifecycle<LoadedModel> lifecycle = new ModelLifecycle<>();

    void onStart(@Observes StartupEvent event) {
        if (config.runtime().backgroundLoad()) {
            Thread.ofPlatform().name("model-loader").daemon().start(this::load);
        } else {
            load();
        }
    }

    private void load() {
        long started = System.nanoTime();
        var state = lifecycle.load(this::open,
                loaded -> loaded.engine().translate(List.of(config.runtime().warmupSentence()), loaded.defaults()));
        switch (state) {
            case ModelLifecycle.Ready<LoadedModel> ready -> LOG.infof("model %s (%s, %s) ready in %d ms",
                    ready.resources().engine().info().id(), ready.resources().engine().info().precision(),
                    ready.resources().engine().info().device(), (System.nanoTime() - started) / 1_000_000);
            case ModelLifecycle.Failed<LoadedModel> failed -> LOG.errorf("model could not be loaded from %s: %s",
                    config.model().dir().toAbsolutePath(), failed.reason());
            default -> LOG.infof("model loading ended %s", state);
        }
    }

    /** Everything a load opens; if a later part fails, the engine opened first is closed again. */
    private LoadedModel open() {
        TranslationEngine engine = TranslationEngine.open(EngineFactory.settings(config));
        var opened = new java.util.concurrent.atomic.AtomicReference<PooledTranslator>();
        // without ONNX Runtime's arena, freed tensors sit in glibc's heaps: given back once the pool is idle
        NativeMemoryTrim trim = new NativeMemoryTrim(() -> opened.get() == null ? 1 : opened.get().heldWork(), 2000);
        try {
            GenerationOptions options = overrides(engine.defaults());
            BatchListener<GenerationOptions> metrics = batchMetrics();
            PooledTranslator pool = new PooledTranslator(engine, batchPolicy(), (key, items, cost, nanos) -> {
                metrics.onBatch(key, items, cost, nanos);
                if (!config.runtime().cpuArena()) {
                    trim.decoded();
                }
            });
            opened.set(pool);
            ArticleTranslator translator = new ArticleTranslator(cached(pool), new ArticleSegmenter(),
                    config.limits().maxSentenceTokens()).withLanguageCheck(languages.paragraphCheck());
            return new LoadedModel(engine, pool, translator, options, trim);
        } catch (RuntimeException | Error e) {
            trim.close();
            engine.close();
            throw e;
        }
    }

    /** The sentence cache around the pool, its hits and misses on /q/metrics; the pool itself when it is off. */
    private SentenceTranslator cached(SentenceTranslator pooled) {
        long size = config.cache().maxSentences();
        if (size <= 0) {
            return pooled;
        }
        CachingTranslator cache = new CachingTranslator(pooled, size);
        FunctionCounter.builder("translator.cache.hits", cache, c -> c.stats().hits())
                .description("Sentences answered from the sentence cache").register(registry);
        FunctionCounter.builder("translator.cache.misses", cache, c -> c.stats().misses())
                .description("Sentences the sentence cache did not hold").register(registry);
        FunctionCounter.builder("translator.cache.evictions", cache, c -> c.stats().evictions())
                .description("Sentences dropped from the full sentence cache").register(registry);
        Gauge.builder("translator.cache.size", cache, c -> c.stats().size())
                .description("Sentences held by the sentence cache").register(registry);
        return cache;
    }

    private BatchPolicy batchPolicy() {
        TranslatorConfig.Runtime runtime = config.runtime();
        TranslatorConfig.Scheduling scheduling = config.scheduling();
        return BatchPolicy.of(runtime.maxBatchSentences(), scheduling.maxBatchWork(),
                Duration.ofMillis(runtime.batchWaitMillis())).withWorkers(runtime.workers())
                .withMaxHeldCost(scheduling.maxQueuedWork()).withCloseTimeout(scheduling.shutdownGrace())
                .withMaxHeldCostPerClient(Math.max(1, (long) (scheduling.maxQueuedWork() * scheduling.maxClientShare())));
    }

    /** Batch sizes and decoding time per batch, for /q/metrics. */
    private BatchListener<GenerationOptions> batchMetrics() {
        DistributionSummary sizes = DistributionSummary.builder("translator.batch.size")
                .description("Sentences per decoded batch").publishPercentileHistogram().register(registry);
        DistributionSummary tokens = DistributionSummary.builder("translator.batch.tokens")
                .description("Work (beams x (source + generated tokens)) per decoded batch").register(registry);
        io.micrometer.core.instrument.Gauge.builder("translator.queue.work", this, TranslatorRuntime::heldWork)
                .description("Work queued and running: beams x (source + generated tokens)").register(registry);
        Timer time = Timer.builder("translator.batch.latency").description("Decoding time of one batch")
                .publishPercentileHistogram().register(registry);
        return (options, items, cost, nanos) -> {
            sizes.record(items);
            tokens.record(cost);
            time.record(nanos, TimeUnit.NANOSECONDS);
        };
    }

    private GenerationOptions overrides(GenerationOptions fromFile) {
        GenerationOptions options = fromFile;
        if (config.generation().beams().isPresent()) {
            options = options.withNumBeams(config.generation().beams().getAsInt());
        }
        if (config.generation().maxNewTokens().isPresent()) {
            options = options.withMaxNewTokens(config.generation().maxNewTokens().getAsInt());
        }
        TranslatorConfig.Generation generation = config.generation();
        // the service bounds what a sentence that never writes </s> may cost; the engine itself does not (exact HF)
        return options.withLengthGuard(new LengthGuard(
                generation.maxLengthFactor().orElse(LengthGuard.DEFAULT.factor()),
                generation.maxLengthOffset().orElse(LengthGuard.DEFAULT.offset())));
    }

    public Status status() {
        return switch (lifecycle.state()) {
            case ModelLifecycle.Loading<LoadedModel> loading -> new Status(false, "loading", null);
            case ModelLifecycle.Ready<LoadedModel> ready -> new Status(true, "ready", null);
            case ModelLifecycle.Failed<LoadedModel> failed -> new Status(false, "failed",
                    withoutPaths(failed.reason(), config.model().dir()));
            case ModelLifecycle.Closed<LoadedModel> closed -> new Status(false, "closed", null);
        };
    }

    /**
     * The reason as clients may see it (readiness is often public): file names relative to the model folder, the
     * folder itself and any other absolute path reduced to their last name. The log keeps the full reason.
     */
    static String withoutPaths(String reason, Path modelDir) {
        String text = reason;
        for (Path dir : List.of(modelDir.toAbsolutePath().normalize(), modelDir.toAbsolutePath(), modelDir)) {
            String prefix = dir.toString();
            if (!prefix.isEmpty()) {
                text = text.replace(prefix + java.io.File.separator, "").replace(prefix, "the model folder");
            }
        }
        return ABSOLUTE_PATH.matcher(text).replaceAll("$1");
    }

    private static final java.util.regex.Pattern ABSOLUTE_PATH =
            java.util.regex.Pattern.compile("(?<![\\w.])/(?:[^\\s/:'\",;]+/)+([^\\s/:'\",;]*)");

    private Optional<LoadedModel> loaded() {
        return lifecycle.state() instanceof ModelLifecycle.Ready<LoadedModel> ready
                ? Optional.of(ready.resources()) : Optional.empty();
    }

    /** The translator once ready. */
    public Optional<ArticleTranslator> translator() {
        return loaded().map(LoadedModel::translator);
    }

    /** Decoding defaults: generation_config.json with the configured overrides. */
    public Optional<GenerationOptions> defaults() {
        return loaded().map(LoadedModel::defaults);
    }

    /** Work queued and running (beams × (source + generated tokens)); 0 before the model is ready. */
    public long heldWork() {
        return loaded().map(model -> model.pool().heldWork()).orElse(0L);
    }

    public Optional<TranslationEngine> engine() {
        return loaded().map(LoadedModel::engine);
    }

    public TranslatorConfig config() {
        return config;
    }

    void onStop(@Observes ShutdownEvent event) throws Exception {
        shutdown();
    }

    /**
     * Stops serving: new requests find the model closed (503), requests in flight get
     * {@code translator.scheduling.shutdown-grace} to finish and are then stopped at their next decoding step and
     * answered 503; then the sessions are closed. Called at shutdown; public for the shutdown test.
     */
    public void shutdown() throws Exception {
        lifecycle.close();
    }
}
