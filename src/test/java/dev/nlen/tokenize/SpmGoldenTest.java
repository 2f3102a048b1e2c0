package dev.nlen.tokenize;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SPM path on the shared stand-in against golden ids from scripts/golden/marian_ids.py (sentencepiece +
 * vocab.json the way Hugging Face's MarianTokenizer does it), for a table of Dutch sentences and for random strings.
 */
class SpmGoldenTest {

    static final String GOLDEN = "/tokenize/golden-opus-mt-nl-en-tiny-hf.json";
    /** 600 seeded random hostile strings (scripts/golden/random_sentences.py). */
    static final String GOLDEN_RANDOM = "/tokenize/golden-random-opus-mt-nl-en-tiny-hf.json";
    private static Tokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = MarianTokenizers.load(SharedModel.dir(), TokenizerSource.SPM);
    }

    @AfterAll
    static void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> piecesAndIdsEqualMarianTokenizer() throws IOException {
        return GoldenCases.load(GOLDEN).encodeTests(() -> tokenizer);
    }

    @TestFactory
    Stream<DynamicTest> decodeEqualsMarianTokenizer() throws IOException {
        return GoldenCases.load(GOLDEN).decodeTests(() -> tokenizer);
    }

    @TestFactory
    Stream<DynamicTest> randomStringsEqualMarianTokenizer() throws IOException {
        return Stream.concat(GoldenCases.load(GOLDEN_RANDOM).encodeTests(() -> tokenizer),
                GoldenCases.load(GOLDEN_RANDOM).decodeTests(() -> tokenizer));
    }
}
