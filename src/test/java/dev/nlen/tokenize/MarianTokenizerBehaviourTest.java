package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the rest of the service relies on, on the shared stand-in's SPM path. */
class MarianTokenizerBehaviourTest {

    private static Tokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = MarianTokenizers.load(SharedModel.dir(), TokenizerSource.AUTO);
    }

    @AfterAll
    static void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    @Test
    void autoPicksTheSpmPathForTheXenovaLayout() {
        assertEquals(TokenizerSource.SPM, MarianTokenizers.resolve(SharedModel.dir(), TokenizerSource.AUTO));
        assertEquals(1688, tokenizer.vocabSize());
    }

    @Test
    void neverTruncatesNorPads() {
        String longSentence = "De kat zit op de mat. ".repeat(150);
        long[] ids = tokenizer.encode(longSentence);
        assertTrue(ids.length > 1000, "got " + ids.length + " ids");
        assertEquals(0, ids[ids.length - 1], "ends with eos");
        assertEquals(tokenizer.pieces("a").size() + 1, tokenizer.encode("a").length, "no padding");
    }

    @Test
    void decodeRoundTripsOrdinaryText() {
        for (String sentence : List.of("Een lunch tussen de twee leiders werd afgelast.",
                "De vergadering begint om 7.30 uur.", "Het café aan de overkant is één van de oudste.")) {
            assertEquals(sentence, tokenizer.decode(tokenizer.encode(sentence)));
        }
    }

    @Test
    void unpairedSurrogatesAreReplacedNotFatal() {
        long[] ids = tokenizer.encode("kapot \ud800 teken \udc00");
        assertArrayEquals(tokenizer.encode("kapot \ufffd teken \ufffd"), ids);
        assertEquals("\u00e9\ud83d\ude00", MarianTokenizer.safeForNative("\u00e9\ud83d\ude00"));
    }

    @Test
    void concurrentEncodesGiveTheSameIds() throws Exception {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sentences.add("Zin nummer " + i + " gaat over „iets anders” — of niet?");
        }
        List<long[]> expected = sentences.stream().map(tokenizer::encode).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<long[]>> results = new ArrayList<>();
            for (String sentence : sentences) {
                results.add(pool.submit(() -> tokenizer.encode(sentence)));
            }
            for (int i = 0; i < sentences.size(); i++) {
                assertArrayEquals(expected.get(i), results.get(i).get());
            }
        }
    }
}
