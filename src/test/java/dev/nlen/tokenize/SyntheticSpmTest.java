package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The SPM path on a hand-made model (scripts/golden/synthetic_model.py), so the layout rules are tested without
 * ../shared: Viterbi choice, a source piece vocab.json lacks, an unknown run that vocab.json spells, a control piece
 * in vocab.json, literal special tokens, identity normalization.
 */
class SyntheticSpmTest {

    static final Path MODEL = GoldenCases.resourceDir("/tokenize/synthetic");
    private static final String GOLDEN = "/tokenize/golden-synthetic.json";
    private static Tokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = MarianTokenizers.load(MODEL, TokenizerSource.AUTO);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @TestFactory
    Stream<DynamicTest> piecesAndIdsEqualMarianTokenizer() throws IOException {
        return GoldenCases.load(GOLDEN).encodeTests(() -> tokenizer);
    }

    @TestFactory
    Stream<DynamicTest> decodeEqualsMarianTokenizer() throws IOException {
        return GoldenCases.load(GOLDEN).decodeTests(() -> tokenizer);
    }

    @Test
    void autoPicksSpmWhenSourceSpmAndVocabJsonExist() {
        assertEquals(TokenizerSource.SPM, MarianTokenizers.resolve(MODEL, TokenizerSource.AUTO));
        assertEquals(11, tokenizer.vocabSize());
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new long[] {11}));
        assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new long[] {-1}));
    }

    @Test
    void closedTokenizerRefusesWork() {
        Tokenizer own = MarianTokenizers.load(MODEL, TokenizerSource.SPM);
        own.close();
        own.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> own.encode("a"));
    }
}
