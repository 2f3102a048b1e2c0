package dev.nlen.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlen.generation.EarlyStopping;
import dev.nlen.generation.GenerationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The cache in front of a translator that counts what reaches it. */
class CachingTranslatorTest {

    /** Upper-cases its sentences and remembers every call; {@code pending} holds async calls until completed. */
    private static final class Counting implements SentenceTranslator {
        final List<List<String>> calls = new ArrayList<>();
        final List<CompletableFuture<List<SentenceTranslation>>> pending = new ArrayList<>();
        String revision = "r1";

        @Override
        public List<SentenceTranslation> translate(List<String> sentences, GenerationOptions options) {
            calls.add(sentences);
            return sentences.stream().map(s -> new SentenceTranslation(s, new long[] {0},
                    List.of(new SentenceTranslation.Candidate(s.toUpperCase() + options.numBeams(), new long[] {0}, -1))))
                    .toList();
        }

        @Override
        public CompletableFuture<List<SentenceTranslation>> translateAsync(List<String> sentences,
                                                                          GenerationOptions options) {
            CompletableFuture<List<SentenceTranslation>> f = new CompletableFuture<>();
            pending.add(f);
            calls.add(sentences);
            return f;
        }

        @Override
        public int countTokens(String sentence) {
            return 1;
        }

        @Override
        public int maxSourceTokens() {
            return 512;
        }

        @Override
        public AlignedDocument.ModelInfo info() {
            return new AlignedDocument.ModelInfo("m", revision, "fp32", "cpu");
        }
    }

    private static GenerationOptions beams(int beams) {
        return new GenerationOptions(beams, 512, 0, 0, 0, 1.0, EarlyStopping.TRUE, 1, 0, 1.0, List.of(), -1, false, 0, 1,
                1);
    }

    private static List<String> texts(List<SentenceTranslation> translations) {
        return translations.stream().map(t -> t.best().text()).toList();
    }

    @Test
    void aRepeatedArticleNeverReachesTheModel() {
        Counting model = new Counting();
        CachingTranslator cache = new CachingTranslator(model, 100);
        List<String> article = List.of("een", "twee", "een", "drie");
        assertEquals(List.of("EEN1", "TWEE1", "EEN1", "DRIE1"), texts(cache.translate(article, beams(1))));
        assertEquals(List.of(List.of("een", "twee", "drie")), model.calls);
        assertEquals(List.of("EEN1", "TWEE1", "EEN1", "DRIE1"), texts(cache.translate(article, beams(1))));
        assertEquals(1, model.calls.size(), "the second time, nothing reaches the model");
        assertEquals(new CachingTranslator.Stats(4, 4, 0, 3), cache.stats());
    }

    @Test
    void onlyTheMissesAreTranslatedAndTheKeyHoldsOptionsAndRevision() {
        Counting model = new Counting();
        CachingTranslator cache = new CachingTranslator(model, 100);
        cache.translate(List.of("een", "twee"), beams(1));
        assertEquals(List.of("EEN1", "VIER1"), texts(cache.translate(List.of("een", "vier"), beams(1))));
        assertEquals(List.of("vier"), model.calls.getLast());
        assertEquals(List.of("EEN4"), texts(cache.translate(List.of("een"), beams(4))), "other options, other entry");
        model.revision = "r2";
        cache.translate(List.of("een"), beams(1));
        assertEquals(List.of("een"), model.calls.getLast(), "another model revision misses");
    }

    @Test
    void boundedBySize() {
        CachingTranslator cache = new CachingTranslator(new Counting(), 2);
        for (int i = 0; i < 50; i++) {
            cache.translate(List.of("zin " + i), beams(1));
        }
        cache.translate(List.of("zin 0"), beams(1));
        assertTrue(cache.stats().size() <= 3, "held " + cache.stats());
    }

    @Test
    void asyncMissesAreQueuedOnceAndGivingUpCancelsThem() {
        Counting model = new Counting();
        CachingTranslator cache = new CachingTranslator(model, 100);
        cache.translate(List.of("een"), beams(1));
        CompletableFuture<List<SentenceTranslation>> result = cache.translateAsync(List.of("een", "twee"), beams(1));
        assertEquals(List.of("twee"), model.calls.getLast());
        result.cancel(true);
        assertTrue(model.pending.getLast().isCancelled(), "the queued misses are given up too");
        CompletableFuture<List<SentenceTranslation>> hit = cache.translateAsync(List.of("een"), beams(1));
        assertEquals(List.of("EEN1"), texts(hit.join()));
        assertEquals(2, model.calls.size(), "a full hit queues nothing");
    }
}
