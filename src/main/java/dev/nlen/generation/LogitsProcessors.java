package dev.nlen.generation;

import java.util.ArrayList;
import java.util.List;

/** The processors the options ask for, in Hugging Face's order, applied one after the other. */
public record LogitsProcessors(List<LogitsProcessor> processors) implements LogitsProcessor {

    public LogitsProcessors {
        processors = List.copyOf(processors);
    }

    public static LogitsProcessors forOptions(GenerationOptions options) {
        List<LogitsProcessor> list = new ArrayList<>();
        if (options.repetitionPenalty() != 1.0) {
            list.add(new RepetitionPenaltyProcessor(options.repetitionPenalty()));
        }
        if (options.noRepeatNgramSize() > 0) {
            list.add(new NoRepeatNGramProcessor(options.noRepeatNgramSize()));
        }
        if (!options.badWordsIds().isEmpty()) {
            list.add(new BadWordsProcessor(options.badWordsIds()));
        }
        if (options.minLength() > 0) {
            list.add(new MinLengthProcessor(options.minLength(), options.eosTokenIds()));
        }
        if (options.minNewTokens() > 0) {
            list.add(new MinLengthProcessor(options.minNewTokens() + 1, options.eosTokenIds()));
        }
        if (options.forcedEosTokenId() >= 0) {
            list.add(new ForcedEosProcessor(options.effectiveMaxLength(), options.forcedEosTokenId()));
        }
        if (options.renormalizeLogits()) {
            list.add(LogSoftmax.INSTANCE);
        }
        return new LogitsProcessors(list);
    }

    /** Every processor only bans tokens, and the last one renormalises: log_softmax first would change nothing. */
    boolean endsNormalisedAfterMasksOnly() {
        return !processors.isEmpty() && processors.getLast() == LogSoftmax.INSTANCE
                && processors.stream().allMatch(LogitsProcessor::commutesWithNormalisation);
    }

    /** Every processor's bans, in one sorted list without repeats; {@code null} when one of them needs the logits. */
    @Override
    public long[] tokensBannedAt(int sequenceLength) {
        java.util.TreeSet<Long> all = new java.util.TreeSet<>();
        for (LogitsProcessor processor : processors) {
            long[] banned = processor.tokensBannedAt(sequenceLength);
            if (banned == null) {
                return null;
            }
            for (long id : banned) {
                all.add(id);
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public boolean commutesWithNormalisation() {
        return processors.stream().allMatch(LogitsProcessor::commutesWithNormalisation);
    }

    @Override
    public void process(long[][] sequences, float[][] scores) {
        for (LogitsProcessor processor : processors) {
            processor.process(sequences, scores);
        }
    }
}
