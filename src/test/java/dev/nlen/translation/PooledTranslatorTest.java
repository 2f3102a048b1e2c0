package dev.nlen.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlen.batching.BatchListener;
import dev.nlen.batching.BatchPolicy;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.testing.TestModels;
import dev.nlen.text.ArticleSegmenter;
import dev.nlen.tokenize.TokenizerSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool on the hand-weighted stand-in: failures stay with their request, small requests are not held back. */
class PooledTranslatorTest {

    private static final Path SEED = Path.of("../shared/seed/article-nl.txt");

    private TranslationEngine engine;

    @BeforeEach
    void open() {
        engine = TranslationEngine.open(new EngineSettings(TestModels.TINY_DICT, null, null, RuntimeOptions.cpu(),
                TokenizerSource.AUTO));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aSentenceTheModelRejectsFailsOnlyItsOwnRequestNotItsBatchMates() throws Exception {
        // a long wait, so both requests surely share one batch
        try (var pool = new PooledTranslator(engine, BatchPolicy.of(8, 1_000_000, Duration.ofMillis(500)),
                BatchListener.none())) {
            var good = pool.translateAsync(List.of("De kat zit op de mat."), engine.defaults());
            var bad = pool.translateAsync(List.of("kat ".repeat(engine.maxSourceTokens() + 5)), engine.defaults());
            assertEquals("The cat sits on the mat.", good.get(30, TimeUnit.SECONDS).getFirst().best().text());
            var failure = assertThrows(ExecutionException.class, () -> bad.get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        }
    }

    @Test
    void workCountsBeamsTimesSourceAndGeneratedTokens() {
        GenerationOptions options = engine.defaults().withNumBeams(16).withMaxNewTokens(511);
        assertEquals(16 * (10 + 512), PooledTranslator.work(10, options, 512));
        assertEquals(16 * (10 + 60), PooledTranslator.work(10, options, 60), "capped by the model's positions");
        assertEquals(6 * (10 + 512), PooledTranslator.work(10, options.withNumBeams(6), 512));
    }

    /**
     * The probe's case: a one-sentence request sent right after a beams-16 seed article rides in the next batch
     * (round-robin over requests), so it answers while the article still has batches to go.
     */
    @Test
    void aOneSentenceRequestAfterABigArticleAnswersWithinTwoBatches() throws Exception {
        String article = Files.isRegularFile(SEED) ? Files.readString(SEED)
                : "De kat zit op de mat. De hond zit op de mat.\n\n".repeat(20);
        GenerationOptions options = engine.defaults().withNumBeams(16).withMaxNewTokens(511);
        AtomicInteger batches = new AtomicInteger();
        int perSentence = PooledTranslator.work(50, options, engine.maxSourceTokens());
        // about four sentences a batch, so the article takes many batches
        BatchPolicy policy = BatchPolicy.of(32, 4 * perSentence, Duration.ZERO);
        try (var pool = new PooledTranslator(engine, policy, (key, items, cost, nanos) -> batches.incrementAndGet())) {
            ArticleTranslator translator = new ArticleTranslator(pool, new ArticleSegmenter(), 50);
            long start = System.nanoTime();
            CompletableFuture<AlignedDocument> big = translator.translateAsync(translator.segment(article), options);
            CompletableFuture<AlignedDocument> small = translator.translateAsync(
                    translator.segment("De kat zit op de mat."), options);
            AlignedDocument answer = small.get(120, TimeUnit.SECONDS);
            long smallMillis = (System.nanoTime() - start) / 1_000_000;
            int batchesBySmall = batches.get();
            assertEquals("The cat sits on the mat.", answer.paragraphs().getFirst().target());
            assertFalse(big.isDone(), "the article was already done: the case proves nothing");
            System.out.printf("one sentence after a beams-16 article: answered after %d batches, %d ms%n",
                    batchesBySmall, smallMillis);
            assertTrue(batchesBySmall <= 2, "waited " + batchesBySmall + " batches");
            // giving up on the article frees its work at once (the running batch drops it at its next step)
            big.cancel(true);
            long until = System.nanoTime() + 5_000_000_000L; // the worker releases it on its own thread
            while (pool.heldWork() != 0 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertEquals(0, pool.heldWork());
            int ranUntilCancel = batches.get();
            assertEquals("The cat sits on the mat.", translator.translate(translator.segment("De kat zit op de mat."),
                    options).paragraphs().getFirst().target());
            assertTrue(batches.get() <= ranUntilCancel + 2, "the cancelled article kept running");
        }
    }

    /**
     * Issue 7's fairness, counted in decoding steps (not wall time): a one-sentence request sent right after a
     * beams-16 seed article starts at the article's next step and then takes every other step, so it answers within
     * about twice its own steps while the article's first batch still decodes.
     */
    @Test
    void aOneSentenceRequestAfterABeams16ArticleAnswersWithinAFewDecodingSteps() throws Exception {
        String article = Files.isRegularFile(SEED) ? Files.readString(SEED)
                : "De kat zit op de mat. De hond zit op de mat.\n\n".repeat(20);
        GenerationOptions options = engine.defaults().withNumBeams(16).withMaxNewTokens(511);
        int perSentence = PooledTranslator.work(50, options, engine.maxSourceTokens());
        BatchPolicy policy = BatchPolicy.of(32, 4 * perSentence, Duration.ZERO);
        java.util.Queue<Integer> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (var pool = new PooledTranslator(engine, policy, (key, items, cost, nanos) -> finished.add(items))) {
            ArticleTranslator translator = new ArticleTranslator(pool, new ArticleSegmenter(), 50);
            long aloneFrom = engine.decodingSteps();
            assertEquals("The cat sits on the mat.", translator.translate(translator.segment("De kat zit op de mat."),
                    options).paragraphs().getFirst().target());
            long alone = engine.decodingSteps() - aloneFrom;
            CompletableFuture<AlignedDocument> big = translator.translateAsync(translator.segment(article), options);
            long until = System.nanoTime() + 30_000_000_000L;
            while (engine.decodingSteps() - aloneFrom - alone < 3 && System.nanoTime() < until) {
                Thread.onSpinWait(); // the article's first batch is decoding
            }
            long sent = engine.decodingSteps();
            AlignedDocument answer = translator.translate(translator.segment("De kat zit op de mat."), options);
            long waited = engine.decodingSteps() - sent;
            List<Integer> batchesByThen = List.copyOf(finished);
            assertEquals("The cat sits on the mat.", answer.paragraphs().getFirst().target());
            assertFalse(big.isDone(), "the article was already done: the case proves nothing");
            // one batch at a time, it would have waited for the article's first batch (4 sentences) to end
            assertEquals(List.of(1, 1), batchesByThen, "the article's first batch ended first: the case proves nothing");
            System.out.printf("one sentence (%d steps alone) after a beams-16 article: answered after %d decoding "
                    + "steps of all batches%n", alone, waited);
            assertTrue(waited <= 2 * alone + 4, "waited " + waited + " steps; alone it takes " + alone);
            big.cancel(true);
        }
    }
}
