package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing or damaged files fail with a TokenizerLoadException naming the file, never with a JVM abort. */
class LoadFailureTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copySyntheticModel() throws IOException {
        try (var files = Files.list(SyntheticSpmTest.MODEL)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }

    private TokenizerLoadException failure(TokenizerSource source, String file, String problem) {
        TokenizerLoadException e = assertThrows(TokenizerLoadException.class,
                () -> MarianTokenizers.load(dir, source).close());
        assertEquals(dir.resolve(file), e.file(), e.getMessage());
        assertTrue(e.getMessage().contains(file) && e.getMessage().contains(problem), e.getMessage());
        return e;
    }

    @Test
    void modelDirectoryMissing() {
        TokenizerLoadException e = assertThrows(TokenizerLoadException.class,
                () -> MarianTokenizers.load(dir.resolve("nowhere"), TokenizerSource.AUTO));
        assertEquals(dir.resolve("nowhere"), e.file());
    }

    @Test
    void vocabJsonMissing() throws IOException {
        Files.delete(dir.resolve("vocab.json"));
        failure(TokenizerSource.SPM, "vocab.json", "file not found");
    }

    @Test
    void vocabJsonNotJson() throws IOException {
        Files.writeString(dir.resolve("vocab.json"), "{\"a\": 1,");
        failure(TokenizerSource.SPM, "vocab.json", "not valid JSON");
    }

    @Test
    void vocabJsonWithoutUnk() throws IOException {
        Files.writeString(dir.resolve("vocab.json"), "{\"</s>\": 0, \"a\": 1}");
        failure(TokenizerSource.SPM, "vocab.json", "<unk> is not in the vocabulary");
    }

    @Test
    void sourceSpmNotAProtobuf() throws IOException {
        Files.writeString(dir.resolve("source.spm"), "this is not a SentencePiece model\n");
        failure(TokenizerSource.SPM, "source.spm", "corrupt SentencePiece model");
    }

    @Test
    void sourceSpmTruncated() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("source.spm"));
        Files.write(dir.resolve("source.spm"), Arrays.copyOf(bytes, bytes.length / 2));
        failure(TokenizerSource.SPM, "source.spm", "corrupt SentencePiece model");
    }

    @Test
    void sourceSpmEmpty() throws IOException {
        Files.write(dir.resolve("source.spm"), new byte[0]);
        failure(TokenizerSource.SPM, "source.spm", "no pieces");
    }

    @Test
    void sourceSpmOfBpeType() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("source.spm"));
        int trainerSpec = indexOf(bytes, new byte[] {0x12, 0x02, 0x18, 0x01}); // field 2 { model_type: UNIGRAM }
        bytes[trainerSpec + 3] = 0x02; // BPE
        Files.write(dir.resolve("source.spm"), bytes);
        failure(TokenizerSource.SPM, "source.spm", "only Unigram");
    }

    @Test
    void noEosTokenNamed() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"unk_token\": \"<unk>\"}");
        failure(TokenizerSource.SPM, "tokenizer_config.json", "eos_token");
    }

    @Test
    void tokenizerJsonMissing() {
        failure(TokenizerSource.JSON, "tokenizer.json", "file not found");
    }

    @Test
    void tokenizerJsonOfAnotherModelType() throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}");
        failure(TokenizerSource.JSON, "tokenizer.json", "Unigram");
    }

    @Test
    void tokenizerJsonWithMalformedVocabEntry() throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"),
                "{\"model\": {\"type\": \"Unigram\", \"unk_id\": 1, \"vocab\": [[\"</s>\", 0.0], [\"<unk>\"]]}}");
        failure(TokenizerSource.JSON, "tokenizer.json", "model.vocab[1]");
    }

    @Test
    void tokenizerJsonWithCorruptCharsmap() throws IOException {
        byte[] header = {(byte) 0x00, 0x10, 0x00, 0x00, 1, 2, 3, 4}; // claims a 4096-byte trie in 8 bytes
        Files.writeString(dir.resolve("tokenizer.json"), xenovaJson("\"" + java.util.Base64.getEncoder()
                .encodeToString(header) + "\""));
        failure(TokenizerSource.JSON, "tokenizer.json", "corrupt precompiled_charsmap");
    }

    @Test
    void tokenizerJsonWithNullCharsmapAndWrongUnkIdLoads() throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), xenovaJson("null"));
        try (Tokenizer tokenizer = MarianTokenizers.load(dir, TokenizerSource.JSON)) {
            // ﬁ → fi by NFKC in Java; "i" is an ordinary piece although the file's unk_id names it; x is unknown
            assertEquals(java.util.List.of("▁f", "i", "▁", "x"), tokenizer.pieces("\ufb01 x"));
            assertArrayEquals(new long[] {3, 2, 4, 1, 0}, tokenizer.encode("\ufb01 x"));
        }
    }

    /** A transformers.js-style export of a 5-piece vocab, unk_id pointing at the piece "i" like the real quirk. */
    private static String xenovaJson(String charsmap) {
        return """
            {"version": "1.0", "added_tokens": [{"id": 0, "content": "</s>", "special": true}],
             "normalizer": {"type": "Precompiled", "precompiled_charsmap": %s},
             "pre_tokenizer": {"type": "Sequence", "pretokenizers": [{"type": "WhitespaceSplit"},
                 {"type": "Metaspace", "replacement": "▁", "add_prefix_space": true}]},
             "model": {"type": "Unigram", "unk_id": 2,
                 "vocab": [["</s>", 0.0], ["<unk>", 0.0], ["i", -2.0], ["▁f", -1.0], ["▁", -3.0]]}}
            """.formatted(charsmap);
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }
}
