package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SPM path against golden ids written by scripts/golden/marian_ids.py (sentencepiece + vocab.json, the way
 * Hugging Face's MarianTokenizer tokenizes) for the shared stand-in model.
 */
class SpmGoldenTest {

    private static final String GOLDEN = "/tokenize/golden-opus-mt-nl-en-tiny-hf.json";
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

    static List<JsonNode> goldenCases() throws IOException {
        try (InputStream in = SpmGoldenTest.class.getResourceAsStream(GOLDEN)) {
            JsonNode golden = JsonFiles.MAPPER.readTree(in);
            List<JsonNode> cases = new ArrayList<>();
            golden.path("cases").forEach(cases::add);
            return cases;
        }
    }

    @TestFactory
    Stream<DynamicTest> piecesAndIdsEqualMarianTokenizer() throws IOException {
        return goldenCases().stream().map(golden -> DynamicTest.dynamicTest(golden.path("name").asText(), () -> {
            String text = golden.path("text").asText();
            List<String> pieces = new ArrayList<>();
            golden.path("pieces").forEach(piece -> pieces.add(piece.asText()));
            long[] ids = JsonFiles.MAPPER.convertValue(golden.path("ids"), long[].class);
            assertEquals(pieces, tokenizer.pieces(text), "pieces of " + text);
            assertArrayEquals(ids, tokenizer.encode(text), "ids of " + text);
        }));
    }

    @TestFactory
    Stream<DynamicTest> decodeEqualsMarianTokenizer() throws IOException {
        return goldenCases().stream().map(golden -> DynamicTest.dynamicTest(golden.path("name").asText(), () -> {
            long[] ids = JsonFiles.MAPPER.convertValue(golden.path("ids"), long[].class);
            assertEquals(golden.path("decoded").asText(), tokenizer.decode(ids));
        }));
    }
}
