package dev.nlen.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings the engine does not implement are refused at load; eos lists and eos bad words follow Hugging Face. */
class GenerationConfigReaderTest {

    private static final String MARIAN = """
            {"bad_words_ids": [[11]], "decoder_start_token_id": 11, "eos_token_id": 0, "forced_eos_token_id": 0,
             "max_length": 512, "num_beams": 4, "pad_token_id": 11, "renormalize_logits": true%s}""";

    private static JsonNode json(String extra) throws Exception {
        return new ObjectMapper().readTree(MARIAN.formatted(extra));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"do_sample\": true", "\"num_beam_groups\": 2", "\"suppress_tokens\": [5]",
            "\"sequence_bias\": {\"5\": -1.0}", "\"forced_bos_token_id\": 3", "\"encoder_no_repeat_ngram_size\": 2",
            "\"begin_suppress_tokens\": [1]", "\"diversity_penalty\": 0.5", "\"forced_eos_token_id\": [0, 3]"})
    void unimplementedSettingsAreRefusedByName(String setting) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenerationConfigReader.fromJson(json(", " + setting)));
        String field = setting.substring(1, setting.indexOf('"', 1));
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void settingsAtTheirDefaultsAreAccepted() throws Exception {
        GenerationOptions options = GenerationConfigReader.fromJson(json(", \"do_sample\": false, "
                + "\"num_beam_groups\": 1, \"suppress_tokens\": null, \"forced_bos_token_id\": null, "
                + "\"encoder_no_repeat_ngram_size\": 0, \"temperature\": 1.0, \"top_k\": 50"));
        assertEquals(4, options.numBeams());
    }

    @Test
    void aListOfEosIdsStopsOnAnyAndBadWordsThatAreEosAreDropped() throws Exception {
        GenerationOptions options = GenerationConfigReader.fromJson(new ObjectMapper().readTree("""
                {"bad_words_ids": [[11], [3], [4, 5]], "decoder_start_token_id": 11, "eos_token_id": [0, 3],
                 "pad_token_id": 11}"""));
        assertEquals(0, options.eosTokenId());
        assertEquals(List.of(0L, 3L), options.eosTokenIds());
        assertTrue(options.isEos(3) && options.isEos(0) && !options.isEos(4));
        assertEquals(List.of(List.of(11L), List.of(4L, 5L)), options.badWordsIds());
    }

    /** Token 2 is the second eos: greedy and beam search end the sequence there. */
    @Test
    void searchEndsOnTheSecondEosId() {
        ScriptedModel model = new ScriptedModel(5, (source, prefix) -> prefix.length == 1
                ? new float[] {-5, 1, 3, 0, -9} : new float[] {-5, 3, -2, 0, -9});
        GenerationOptions options = new GenerationOptions(1, 10, 0, 0, 0, 1.0, EarlyStopping.FALSE, 1, 0, 1.0,
                List.of(List.of(4L)), -1, true, 0, 4, 4, List.of(0L, 2L));
        for (int beams : new int[] {1, 2}) {
            Hypothesis h = new Generator(model).generate(List.of(new long[] {1, 0}), options.withNumBeams(beams), 1)
                    .get(0).get(0);
            assertArrayEquals(new long[] {2}, h.tokens(), "beams " + beams);
        }
        GenerationOptions minTwo = options.withMinNewTokens(2);
        Hypothesis h = new Generator(model).generate(List.of(new long[] {1, 0}), minTwo, 1).get(0).get(0);
        assertEquals(1, h.tokens()[0], "both eos ids are banned below the minimum length");
    }
}
