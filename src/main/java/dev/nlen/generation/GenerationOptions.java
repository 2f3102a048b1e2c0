package dev.nlen.generation;

import java.util.List;

/**
 * Decoding options with Hugging Face {@code generate} semantics. Each field is the {@code generation_config.json}
 * field of the same name; {@link GenerationConfigReader} reads them, requests override them with the withers.
 *
 * @param maxLength      {@code max_length}: tokens in the decoder sequence, the decoder start token included
 * @param maxNewTokens   {@code max_new_tokens}, 0 when unset; when set it wins over {@code max_length}
 * @param forcedEosTokenId {@code forced_eos_token_id}, -1 when unset
 * @param eosTokenIds    every id that ends a sequence (a list-valued {@code eos_token_id}), {@code eosTokenId} first
 * @param lengthGuard    the output bound relative to the source (not a {@code generation_config.json} field: the
 *                       service's {@code translator.generation.max-length-factor} / {@code -offset})
 */
public record GenerationOptions(int numBeams, int maxLength, int maxNewTokens, int minLength, int minNewTokens,
                                double lengthPenalty, EarlyStopping earlyStopping, int numReturnSequences,
                                int noRepeatNgramSize, double repetitionPenalty, List<List<Long>> badWordsIds,
                                long forcedEosTokenId, boolean renormalizeLogits, long eosTokenId, long padTokenId,
                                long decoderStartTokenId, List<Long> eosTokenIds, LengthGuard lengthGuard) {

    /** Highest {@code num_beams} accepted. */
    public static final int MAX_BEAMS = 16;

    public GenerationOptions {
        require(numBeams >= 1 && numBeams <= MAX_BEAMS, "num_beams must be in [1, " + MAX_BEAMS + "], is " + numBeams);
        require(maxLength >= 2, "max_length must be >= 2, is " + maxLength);
        require(maxNewTokens >= 0, "max_new_tokens must be >= 0, is " + maxNewTokens);
        require(minLength >= 0 && minNewTokens >= 0, "min_length and min_new_tokens must be >= 0");
        require(numReturnSequences >= 1 && numReturnSequences <= numBeams,
                "num_return_sequences must be in [1, num_beams=" + numBeams + "], is " + numReturnSequences);
        require(noRepeatNgramSize >= 0, "no_repeat_ngram_size must be >= 0, is " + noRepeatNgramSize);
        require(repetitionPenalty > 0, "repetition_penalty must be > 0, is " + repetitionPenalty);
        require(Double.isFinite(lengthPenalty), "length_penalty must be finite");
        badWordsIds = badWordsIds.stream().map(List::copyOf).toList();
        eosTokenIds = eosTokenIds == null || eosTokenIds.isEmpty() ? List.of(eosTokenId) : List.copyOf(eosTokenIds);
        require(eosTokenIds.getFirst() == eosTokenId, "eos_token_ids must start with eos_token_id " + eosTokenId);
        lengthGuard = lengthGuard == null ? LengthGuard.OFF : lengthGuard;
    }

    /** Without a length guard ({@link LengthGuard#OFF}): Hugging Face {@code generate}'s stopping. */
    public GenerationOptions(int numBeams, int maxLength, int maxNewTokens, int minLength, int minNewTokens,
                             double lengthPenalty, EarlyStopping earlyStopping, int numReturnSequences,
                             int noRepeatNgramSize, double repetitionPenalty, List<List<Long>> badWordsIds,
                             long forcedEosTokenId, boolean renormalizeLogits, long eosTokenId, long padTokenId,
                             long decoderStartTokenId, List<Long> eosTokenIds) {
        this(numBeams, maxLength, maxNewTokens, minLength, minNewTokens, lengthPenalty, earlyStopping,
                numReturnSequences, noRepeatNgramSize, repetitionPenalty, badWordsIds, forcedEosTokenId,
                renormalizeLogits, eosTokenId, padTokenId, decoderStartTokenId, eosTokenIds, LengthGuard.OFF);
    }

    /** One eos id. */
    public GenerationOptions(int numBeams, int maxLength, int maxNewTokens, int minLength, int minNewTokens,
                             double lengthPenalty, EarlyStopping earlyStopping, int numReturnSequences,
                             int noRepeatNgramSize, double repetitionPenalty, List<List<Long>> badWordsIds,
                             long forcedEosTokenId, boolean renormalizeLogits, long eosTokenId, long padTokenId,
                             long decoderStartTokenId) {
        this(numBeams, maxLength, maxNewTokens, minLength, minNewTokens, lengthPenalty, earlyStopping,
                numReturnSequences, noRepeatNgramSize, repetitionPenalty, badWordsIds, forcedEosTokenId,
                renormalizeLogits, eosTokenId, padTokenId, decoderStartTokenId, List.of(eosTokenId));
    }

    /** Whether {@code token} ends a sequence: any of the eos ids. */
    public boolean isEos(long token) {
        return eosTokenIds.contains(token);
    }

    /** The decoder sequence length at which generation stops, start token included. */
    public int effectiveMaxLength() {
        return maxNewTokens > 0 ? maxNewTokens + 1 : maxLength;
    }

    /** As {@link #effectiveMaxLength}, for a source of {@code sourceTokens} tokens under the length guard. */
    public int maxLengthFor(int sourceTokens) {
        return lengthGuard.maxLength(sourceTokens, this);
    }

    public GenerationOptions withLengthGuard(LengthGuard guard) {
        return new GenerationOptions(numBeams, maxLength, maxNewTokens, minLength, minNewTokens, lengthPenalty,
                earlyStopping, numReturnSequences, noRepeatNgramSize, repetitionPenalty, badWordsIds,
                forcedEosTokenId, renormalizeLogits, eosTokenId, padTokenId, decoderStartTokenId, eosTokenIds, guard);
    }

    public GenerationOptions withNumBeams(int beams) {
        return new GenerationOptions(beams, maxLength, maxNewTokens, minLength, minNewTokens, lengthPenalty,
                earlyStopping, Math.min(numReturnSequences, beams), noRepeatNgramSize, repetitionPenalty, badWordsIds,
                forcedEosTokenId, renormalizeLogits, eosTokenId, padTokenId, decoderStartTokenId, eosTokenIds,
                lengthGuard);
    }

    public GenerationOptions withMaxNewTokens(int tokens) {
        return new GenerationOptions(numBeams, maxLength, tokens, minLength, minNewTokens, lengthPenalty,
                earlyStopping, numReturnSequences, noRepeatNgramSize, repetitionPenalty, badWordsIds,
                forcedEosTokenId, renormalizeLogits, eosTokenId, padTokenId, decoderStartTokenId, eosTokenIds,
                lengthGuard);
    }

    public GenerationOptions withNumReturnSequences(int sequences) {
        return new GenerationOptions(numBeams, maxLength, maxNewTokens, minLength, minNewTokens, lengthPenalty,
                earlyStopping, sequences, noRepeatNgramSize, repetitionPenalty, badWordsIds, forcedEosTokenId,
                renormalizeLogits, eosTokenId, padTokenId, decoderStartTokenId, eosTokenIds, lengthGuard);
    }

    public GenerationOptions withPenalties(double length, double repetition, int noRepeatNgram) {
        return new GenerationOptions(numBeams, maxLength, maxNewTokens, minLength, minNewTokens, length,
                earlyStopping, numReturnSequences, noRepeatNgram, repetition, badWordsIds, forcedEosTokenId,
                renormalizeLogits, eosTokenId, padTokenId, decoderStartTokenId, eosTokenIds, lengthGuard);
    }

    public GenerationOptions withMinNewTokens(int tokens) {
        return new GenerationOptions(numBeams, maxLength, maxNewTokens, minLength, tokens, lengthPenalty,
                earlyStopping, numReturnSequences, noRepeatNgramSize, repetitionPenalty, badWordsIds,
                forcedEosTokenId, renormalizeLogits, eosTokenId, padTokenId, decoderStartTokenId, eosTokenIds,
                lengthGuard);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
