package dev.nlen.config;

import dev.nlen.detect.LanguageGuess;
import dev.nlen.detect.NewsroomLanguageDetector;
import dev.nlen.translation.LanguageCheck;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The language detector, loaded on a background thread so it never delays readiness; until it is there every
 * text counts as Dutch.
 */
@ApplicationScoped
public class LanguageDetection {

    private static final Logger LOG = Logger.getLogger(LanguageDetection.class);
    public static final String DUTCH = "nl";

    @Inject
    TranslatorConfig config;

    private final CompletableFuture<NewsroomLanguageDetector> detector = new CompletableFuture<>();

    void onStart(@Observes StartupEvent event) {
        TranslatorConfig.Compat.Detection detection = config.compat().detection();
        if (!detection.enabled()) {
            detector.completeExceptionally(new IllegalStateException("language detection is switched off"));
        } else if (detection.backgroundLoad()) {
            Thread.ofPlatform().name("language-detector-loader").daemon().start(this::load);
        } else {
            load();
        }
    }

    private void load() {
        long started = System.nanoTime();
        try {
            detector.complete(NewsroomLanguageDetector.load(config.compat().detection().languages()));
            LOG.infof("language detection (%s) ready in %d ms", config.compat().detection().languages(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            detector.completeExceptionally(e);
            LOG.errorf("language detection could not be loaded: %s", e.getMessage());
        }
    }

    /** Whether the detector is loaded (and so answers other than Dutch). */
    public boolean ready() {
        return detector.isDone() && !detector.isCompletedExceptionally();
    }

    /** Guesses, most likely first; empty while the detector loads (or when it is off). */
    public Optional<List<LanguageGuess>> guesses(String text) {
        return ready() ? Optional.of(detector.join().guesses(text)) : Optional.empty();
    }

    /** Guesses, waiting up to {@code wait} for the detector to load; empty when it is off, failed or still loading. */
    public Optional<List<LanguageGuess>> awaitGuesses(String text, Duration wait) {
        try {
            return Optional.of(detector.get(wait.toMillis(), TimeUnit.MILLISECONDS).guesses(text));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The language of a paragraph that is clearly not Dutch: enough letters to tell, another language the most
     * likely, and Dutch trailing it by the configured margin. Empty means "translate it as Dutch".
     */
    public Optional<LanguageGuess> foreign(String text) {
        TranslatorConfig.Compat.Detection detection = config.compat().detection();
        if (!ready() || letters(text, detection.minLetters()) < detection.minLetters()) {
            return Optional.empty();
        }
        List<LanguageGuess> guesses = detector.join().guesses(text);
        if (guesses.isEmpty()) {
            return Optional.empty();
        }
        LanguageGuess top = guesses.getFirst();
        double dutch = guesses.stream().filter(g -> g.language().equals(DUTCH)).mapToDouble(LanguageGuess::confidence)
                .findFirst().orElse(0);
        return !top.language().equals(DUTCH) && top.confidence() - dutch >= detection.minMargin()
                ? Optional.of(top) : Optional.empty();
    }

    /** {@link #foreign} as the translator asks it of each paragraph. */
    public LanguageCheck paragraphCheck() {
        return paragraph -> foreign(paragraph).map(LanguageGuess::language);
    }

    /** Letters of {@code text}, counted up to {@code enough}. */
    private static int letters(String text, int enough) {
        int count = 0;
        for (int i = 0; i < text.length() && count < enough; ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                count++;
            }
            i += Character.charCount(cp);
        }
        return count;
    }
}
