package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** Golden files written by scripts/golden/marian_ids.py: sentence → pieces → ids → decoded text. */
record GoldenCases(List<Case> cases) {

    record Case(String name, String text, List<String> pieces, long[] ids, String decoded) {}

    static GoldenCases load(String resource) throws IOException {
        try (InputStream in = GoldenCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            List<Case> cases = new ArrayList<>();
            for (JsonNode node : JsonFiles.MAPPER.readTree(in).path("cases")) {
                List<String> pieces = new ArrayList<>();
                node.path("pieces").forEach(piece -> pieces.add(piece.asText()));
                cases.add(new Case(node.path("name").asText(), node.path("text").asText(), pieces,
                        JsonFiles.MAPPER.convertValue(node.path("ids"), long[].class), node.path("decoded").asText()));
            }
            return new GoldenCases(List.copyOf(cases));
        }
    }

    /** A test resource directory as a path (test-classes lie on disk). */
    static Path resourceDir(String resource) {
        try {
            return Path.of(GoldenCases.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One test per sentence: pieces and ids as MarianTokenizer gives them. */
    Stream<DynamicTest> encodeTests(Supplier<Tokenizer> tokenizer) {
        return cases.stream().map(golden -> DynamicTest.dynamicTest(golden.name(), () -> {
            assertEquals(golden.pieces(), tokenizer.get().pieces(golden.text()), "pieces of " + golden.text());
            assertArrayEquals(golden.ids(), tokenizer.get().encode(golden.text()), "ids of " + golden.text());
        }));
    }

    /** One test per sentence: the golden ids decode as MarianTokenizer.decode(skip_special_tokens=True) does. */
    Stream<DynamicTest> decodeTests(Supplier<Tokenizer> tokenizer) {
        return cases.stream().map(golden -> DynamicTest.dynamicTest(golden.name(),
                () -> assertEquals(golden.decoded(), tokenizer.get().decode(golden.ids()), "decode of " + golden.text())));
    }
}
