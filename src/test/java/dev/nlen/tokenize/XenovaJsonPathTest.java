package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JSON path on the shared stand-in's transformers.js tokenizer.json, which carries the real export's quirks:
 * a Precompiled normalizer with a null charsmap (a Rust panic, i.e. a JVM abort, if passed through) and unk_id 2.
 */
class XenovaJsonPathTest {

    private static Tokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = MarianTokenizers.load(SharedModel.dir(), TokenizerSource.JSON);
    }

    @AfterAll
    static void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    @Test
    void lunchSentenceGivesTheDocumentedPieces() {
        String sentence = "Een lunch tussen de twee leiders werd afgelast.";
        // "leiders" as SentencePiece segments it (transformers.js 4.3.2: ▁le id ers); "lunch" follows the export's
        // scores (SentencePiece: ▁ lu n ch)
        assertEquals(List.of("▁E", "en", "▁lu", "nch", "▁", "t", "us", "s", "en", "▁de", "▁twee", "▁", "leider", "s",
                "▁", "wer", "d", "▁afge", "last", "."), tokenizer.pieces(sentence));
        assertArrayEquals(new long[] {143, 6, 1194, 1289, 3, 5, 77, 2, 6, 70, 1124, 3, 1147, 2, 3, 573, 7, 640, 1288,
                18, 0}, tokenizer.encode(sentence));
    }

    @Test
    void pieceSIsOrdinaryAndUnknownCharactersGetUnkId() {
        // with the export's unk_id 2, Rust and transformers.js fuse "ss" and "s中" into single tokens with id 2
        assertEquals(List.of("▁k", "is", "s", "▁", "s", "中", "▁G", "la", "s", "s"), tokenizer.pieces("kiss s中 Glass"));
        long[] ids = tokenizer.encode("kiss s中 Glass");
        assertEquals(2, ids[4]);
        assertEquals(1, ids[5], "unknown character → <unk>");
    }

    @Test
    void nmtNfkcRunsInJavaWhenTheCharsmapIsNull() {
        assertEquals(tokenizer.pieces("De fiets 123."), tokenizer.pieces("De\u00a0\ufb01ets\t\uff11\uff12\uff13."));
    }

    @Test
    void decodeRoundTrip() {
        for (String sentence : List.of("Een lunch tussen de twee leiders werd afgelast.",
                "Waarom is de trein vandaag weer te laat?", "Z'n auto's en m'n foto's.")) {
            assertEquals(sentence, tokenizer.decode(tokenizer.encode(sentence)));
        }
    }

    @Test
    void vocabSizeIsTheExportsVocab() {
        assertEquals(1688, tokenizer.vocabSize());
    }

    /** How far the JSON path is from MarianTokenizer: reported, not asserted (the export's scores differ). */
    @Test
    void agreementWithGoldenIdsIsReported() throws IOException {
        List<String> differing = new ArrayList<>();
        List<GoldenCases.Case> cases = GoldenCases.load(SpmGoldenTest.GOLDEN).cases();
        for (GoldenCases.Case golden : cases) {
            if (!Arrays.equals(golden.ids(), tokenizer.encode(golden.text()))) {
                differing.add(golden.name());
            }
        }
        System.out.printf("JSON path equals MarianTokenizer ids on %d of %d golden sentences; differs on %s%n",
                cases.size() - differing.size(), cases.size(), differing);
        assertTrue(differing.size() < cases.size());
    }
}
