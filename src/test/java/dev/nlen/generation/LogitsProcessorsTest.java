package dev.nlen.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each processor on a 1×V row, and the order generation_config.json puts them in. */
class LogitsProcessorsTest {

    private static final float NEG = Float.NEGATIVE_INFINITY;

    private static float[][] row(float... values) {
        return new float[][] {values};
    }

    @Test
    void badWordsBanSingleTokensAlwaysAndSequencesAfterTheirPrefix() {
        float[][] scores = row(1, 2, 3, 4, 5);
        new BadWordsProcessor(List.of(List.of(4L), List.of(1L, 2L), List.of(3L, 1L))).process(new long[][] {{4, 1}}, scores);
        assertArrayEquals(new float[] {1, 2, NEG, 4, NEG}, scores[0]);
    }

    @Test
    void forcedEosOnlyAtTheLastPosition() {
        float[][] early = row(1, 2, 3);
        new ForcedEosProcessor(5, 0).process(new long[][] {{2, 1, 1}}, early);
        assertArrayEquals(new float[] {1, 2, 3}, early[0]);
        float[][] last = row(1, 2, 3);
        new ForcedEosProcessor(5, 0).process(new long[][] {{2, 1, 1, 1}}, last);
        assertArrayEquals(new float[] {0, NEG, NEG}, last[0]);
    }

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeScoresOfSeenTokens() {
        float[][] scores = row(2, -2, 4, -4);
        new RepetitionPenaltyProcessor(2.0).process(new long[][] {{0, 1, 1}}, scores);
        assertArrayEquals(new float[] {1, -4, 4, -4}, scores[0]);
    }

    @Test
    void noRepeatNGramBansTheTokenThatWouldRepeatABigram() {
        float[][] scores = row(0, 0, 0, 0, 0);
        new NoRepeatNGramProcessor(2).process(new long[][] {{4, 1, 2, 3, 1}}, scores); // "1 2" seen; ends with 1
        assertArrayEquals(new float[] {0, 0, NEG, 0, 0}, scores[0]);
    }

    @Test
    void minNewTokensBansEosUntilEnoughWereGenerated() {
        GenerationOptions options = SearchTest.options(1, 20).withMinNewTokens(2);
        float[][] scores = row(5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        LogitsProcessors.forOptions(options).process(new long[][] {{11, 3}}, scores);
        assertEquals(NEG, scores[0][0]);
    }

    @Test
    void renormalisationComesLastSoBannedTokensCarryNoMass() {
        GenerationOptions options = SearchTest.options(1, 20);
        float[][] scores = new float[1][12];
        LogitsProcessors.forOptions(options).process(new long[][] {{11}}, scores);
        assertEquals(NEG, scores[0][11]);
        assertEquals((float) -Math.log(11), scores[0][3], 1e-6);
    }

    @Test
    void readsTheRealExportsGenerationConfig() throws Exception {
        String realFile = """
                {"bad_words_ids": [[67027]], "bos_token_id": 0, "decoder_start_token_id": 67027, "eos_token_id": 0,
                 "forced_eos_token_id": 0, "max_length": 512, "num_beams": 6, "pad_token_id": 67027,
                 "renormalize_logits": true, "transformers_version": "4.34.0.dev0"}""";
        GenerationOptions options = GenerationConfigReader.fromJson(new ObjectMapper().readTree(realFile));
        assertEquals(6, options.numBeams());
        assertEquals(512, options.effectiveMaxLength());
        assertEquals(67027, options.decoderStartTokenId());
        assertEquals(List.of(List.of(67027L)), options.badWordsIds());
        assertEquals(0, options.forcedEosTokenId());
        assertEquals(1.0, options.lengthPenalty());
        assertEquals(EarlyStopping.FALSE, options.earlyStopping());
        assertEquals(101, options.withMaxNewTokens(100).effectiveMaxLength());
        assertThrows(IllegalArgumentException.class, () -> options.withNumBeams(17));
        assertThrows(IllegalArgumentException.class, () -> options.withNumReturnSequences(7));
    }
}
