package dev.nlen.detect;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lingua restricted to a handful of languages: fewer models in memory, and fewer look-alikes for Dutch (Afrikaans,
 * Frisian) to confuse it with. Thread-safe once built.
 */
public final class NewsroomLanguageDetector {

    private final LanguageDetector detector;

    private NewsroomLanguageDetector(LanguageDetector detector) {
        this.detector = detector;
    }

    /**
     * Builds the detector with its models loaded (seconds: call it off the request path).
     *
     * @param isoCodes ISO 639-1 codes, at least two ({@code nl} among them)
     */
    public static NewsroomLanguageDetector load(List<String> isoCodes) {
        if (isoCodes.size() < 2) {
            throw new IllegalArgumentException("language detection needs at least two languages, got " + isoCodes);
        }
        IsoCode639_1[] codes = isoCodes.stream().map(NewsroomLanguageDetector::isoCode).toArray(IsoCode639_1[]::new);
        return new NewsroomLanguageDetector(
                LanguageDetectorBuilder.fromIsoCodes639_1(codes).withPreloadedLanguageModels().build());
    }

    private static IsoCode639_1 isoCode(String code) {
        try {
            return IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 639-1 language code Lingua knows", e);
        }
    }

    /** Every configured language with its confidence, most likely first; empty when the text has no letters. */
    public List<LanguageGuess> guesses(String text) {
        Map<Language, Double> values = detector.computeLanguageConfidenceValues(text);
        List<LanguageGuess> guesses = new ArrayList<>(values.size());
        values.forEach((language, confidence) -> guesses.add(new LanguageGuess(
                language.getIsoCode639_1().toString(), Math.clamp(confidence, 0.0, 1.0))));
        guesses.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        return guesses;
    }
}
