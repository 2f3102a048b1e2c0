package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TargetDecoderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Hello , world .|Hello, world.",
        "Really ? Yes !|Really? Yes!",
        "I do n't know|I don't know",
        "I 'm sure you 're right|I'm sure you're right",
        "We 've seen Anna 's car|We've seen Anna's car",
        "rock ' n roll|rock'n roll",
        "a  .|a .",
        "no change here|no change here",
    })
    void cleanUpTokenizationMatchesHuggingFace(String raw, String cleaned) {
        assertEquals(cleaned, TargetDecoder.cleanUpTokenization(raw));
    }

    @Test
    void stripFollowsPythonWhitespace() {
        assertEquals("a\u00a0b", TargetDecoder.pythonStrip("\u00a0\u2007 a\u00a0b\u001f\u3000"));
        assertEquals("\u200ba", TargetDecoder.pythonStrip(" \u200ba "), "ZWSP is not whitespace to Python");
    }

    @Test
    void decodeJoinsPiecesSkipsInvisibleIdsAndCleansUp() {
        String[] pieces = {"</s>", "<unk>", "▁Hello", "▁,", "▁world", "!", "<pad>"};
        boolean[] invisible = {true, true, false, false, false, false, true};
        TargetDecoder decoder = new TargetDecoder(pieces, invisible, true);
        assertEquals("Hello, world!", decoder.decode(new long[] {6, 2, 3, 1, 4, 5, 0}));
        assertEquals("Hello , world!", new TargetDecoder(pieces, invisible, false).decode(new long[] {2, 3, 4, 5}));
        assertEquals("", decoder.decode(new long[] {0}));
    }
}
