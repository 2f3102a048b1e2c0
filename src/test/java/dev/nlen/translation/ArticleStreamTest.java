package dev.nlen.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlen.generation.EarlyStopping;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.text.ArticleSegmenter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** ArticleTranslator.stream on a translator whose requests the test completes by hand. */
class ArticleStreamTest {

    private static final GenerationOptions GREEDY = new GenerationOptions(1, 512, 0, 0, 0, 1.0,
            EarlyStopping.FALSE, 1, 0, 1.0, List.of(), -1, true, 0, 1, 1);

    /** Each translateAsync call is one request, left pending until the test completes it. */
    static final class ManualTranslator implements SentenceTranslator {
        final List<List<String>> requests = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<List<SentenceTranslation>>> futures = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<List<SentenceTranslation>> translateAsync(List<String> sentences,
                                                                           GenerationOptions options) {
            requests.add(List.copyOf(sentences));
            CompletableFuture<List<SentenceTranslation>> future = new CompletableFuture<>();
            futures.add(future);
            return future;
        }

        void complete(int request) {
            futures.get(request).complete(requests.get(request).stream().map(ManualTranslator::upper).toList());
        }

        static SentenceTranslation upper(String s) {
            return new SentenceTranslation(s, new long[] {1, 0},
                    List.of(new SentenceTranslation.Candidate(s.toUpperCase(), new long[] {5, 6, 0}, -0.9)));
        }

        @Override
        public List<SentenceTranslation> translate(List<String> sentences, GenerationOptions options) {
            return sentences.stream().map(ManualTranslator::upper).toList();
        }

        @Override
        public int countTokens(String sentence) {
            return sentence.split(" ").length + 1;
        }

        @Override
        public int maxSourceTokens() {
            return 512;
        }

        @Override
        public AlignedDocument.ModelInfo info() {
            return new AlignedDocument.ModelInfo("m", "r", "fp32", "cpu");
        }
    }

    private final ManualTranslator translator = new ManualTranslator();
    private final ArticleTranslator articles = new ArticleTranslator(translator, new ArticleSegmenter());
    private final List<Integer> seen = new ArrayList<>();

    private CompletableFuture<AlignedDocument> stream(String text) {
        return articles.stream(articles.segment(text), GREEDY, p -> seen.add(p.index()));
    }

    @Test
    void theFirstParagraphIsQueuedAloneAndTheRestWhenItIsDone() {
        stream("Een kat.\n\nTwee honden.\n\nDrie muizen.");
        assertEquals(List.of(List.of("Een kat.")), translator.requests, "alone, so it is back after a few steps");
        translator.complete(0);
        assertEquals(List.of(0), seen);
        assertEquals(List.of(List.of("Een kat."), List.of("Twee honden."), List.of("Drie muizen.")),
                translator.requests, "then the rest, each paragraph a request of its own");
    }

    @Test
    void paragraphsLeaveInOrderAsSoonAsTheyAndAllBeforeAreDone() throws Exception {
        CompletableFuture<AlignedDocument> done = stream("Een kat.\n\nTwee honden.\n\nDrie muizen.\n\nVier.");
        translator.complete(0);
        translator.complete(2);
        assertEquals(List.of(0), seen, "paragraph 2 waits for paragraph 1");
        translator.complete(1);
        assertEquals(List.of(0, 1, 2), seen);
        assertFalse(done.isDone());
        translator.complete(3);
        assertEquals(List.of(0, 1, 2, 3), seen);
        AlignedDocument document = done.get();
        assertEquals("TWEE HONDEN.", document.paragraphs().get(1).target());
        assertEquals(4, document.stats().paragraphs());
        assertEquals(-0.3, document.paragraphs().getFirst().sentences().getFirst().meanLogProb(), 1e-9);
    }

    @Test
    void aFirstParagraphWithNothingNewDoesNotHoldTheRestBack() {
        stream("Een kat.\n\nEen kat.\n\nTwee honden.\n\nDrie muizen.");
        translator.complete(0);
        assertEquals(List.of(List.of("Een kat."), List.of("Twee honden."), List.of("Drie muizen.")),
                translator.requests, "the second paragraph repeats the first: the first with new pieces is the gate");
    }

    @Test
    void streamedDocumentEqualsTheWholeTranslation() throws Exception {
        String text = "Kop\n\nEen kat. Een kat.\n\nEen kat. Een hond.\n\n- een punt";
        CompletableFuture<AlignedDocument> done = stream(text);
        for (int i = 0; i < translator.futures.size(); i++) {
            translator.complete(i);
        }
        assertEquals(List.of(List.of("Kop"), List.of("Een kat."), List.of("Een hond."), List.of("een punt")),
                translator.requests, "a sentence seen before is not translated again");
        AlignedDocument whole = articles.translate(text, GREEDY);
        assertEquals(whole.paragraphs(), done.get().paragraphs());
    }

    @Test
    void cancellingGivesUpThePendingParagraphs() {
        CompletableFuture<AlignedDocument> done = stream("Een.\n\nTwee.\n\nDrie.");
        translator.complete(0);
        assertTrue(done.cancel(true));
        assertTrue(translator.futures.get(1).isCancelled());
        assertTrue(translator.futures.get(2).isCancelled());
        assertEquals(List.of(0), seen);
    }

    @Test
    void cancellingBeforeTheFirstParagraphIsDoneNeverQueuesTheRest() {
        CompletableFuture<AlignedDocument> done = stream("Een.\n\nTwee.\n\nDrie.");
        assertTrue(done.cancel(true));
        assertTrue(translator.futures.get(0).isCancelled());
        assertEquals(1, translator.requests.size());
        assertEquals(List.of(), seen);
    }

    @Test
    void aFailedParagraphFailsTheStreamAndCancelsTheRest() {
        CompletableFuture<AlignedDocument> done = stream("Een.\n\nTwee.\n\nDrie.\n\nVier.");
        translator.complete(0);
        translator.futures.get(2).completeExceptionally(new IllegalStateException("boom"));
        ExecutionException e = assertThrows(ExecutionException.class, done::get); // at once, not after the rest
        assertEquals("boom", e.getCause().getMessage());
        assertTrue(translator.futures.get(1).isCancelled());
        assertTrue(translator.futures.get(3).isCancelled());
        assertEquals(List.of(0), seen, "nothing is emitted after the failure");
    }

    @Test
    void aFailedFirstParagraphQueuesNothingElse() {
        CompletableFuture<AlignedDocument> done = stream("Een.\n\nTwee.\n\nDrie.");
        translator.futures.getFirst().completeExceptionally(new IllegalStateException("boom"));
        ExecutionException e = assertThrows(ExecutionException.class, done::get);
        assertEquals("boom", e.getCause().getMessage());
        assertEquals(1, translator.requests.size());
    }
}
