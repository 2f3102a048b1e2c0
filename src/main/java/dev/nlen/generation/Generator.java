package dev.nlen.generation;

import dev.nlen.model.DecoderSession;
import dev.nlen.model.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Many source sentences in one call: sorted by length so each batch pads little, padded with the pad id and masked,
 * encoded, searched, and returned in input order. Each sentence stops at its own {@link LengthGuard} cap.
 */
public final class Generator {

    private final Seq2SeqModel model;

    public Generator(Seq2SeqModel model) {
        this.model = model;
    }

    /**
     * @param sources      source ids per sentence, each ending with eos, none longer than the model's positions
     * @param maxBatchSize most sentences encoded and decoded together
     * @return per source, its hypotheses best first
     */
    public List<List<Hypothesis>> generate(List<long[]> sources, GenerationOptions options, int maxBatchSize) {
        return generate(sources, options, maxBatchSize, sentence -> false);
    }

    /** As above; a source whose {@code stopped} test turns true leaves its batch at the next step (empty result). */
    public List<List<Hypothesis>> generate(List<long[]> sources, GenerationOptions options, int maxBatchSize,
                                           IntPredicate stopped) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, is " + maxBatchSize);
        }
        checkSources(sources);
        Integer[] order = new Integer[sources.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> sources.get(i).length).reversed());
        List<List<Hypothesis>> results = new ArrayList<>(java.util.Collections.nCopies(sources.size(), null));
        for (int from = 0; from < order.length; from += maxBatchSize) {
            List<Integer> batch = Arrays.asList(order).subList(from, Math.min(order.length, from + maxBatchSize));
            List<List<Hypothesis>> out = decodeBatch(batch.stream().map(sources::get).toList(), options,
                    row -> stopped.test(batch.get(row)));
            for (int j = 0; j < batch.size(); j++) {
                results.set(batch.get(j), out.get(j));
            }
        }
        return results;
    }

    /** One padded batch through the encoder and the search. */
    public List<List<Hypothesis>> generateBatch(List<long[]> batch, GenerationOptions options) {
        return generateBatch(batch, options, row -> false);
    }

    /**
     * Exactly this batch, in this order, padded and decoded together (no sorting, no chunking: forming batches is the
     * scheduler's job); row {@code i} leaves the search once {@code stopped.test(i)}.
     */
    public List<List<Hypothesis>> generateBatch(List<long[]> batch, GenerationOptions options, IntPredicate stopped) {
        checkSources(batch);
        return decodeBatch(batch, options, stopped);
    }

    private List<List<Hypothesis>> decodeBatch(List<long[]> batch, GenerationOptions options, IntPredicate stopped) {
        if (java.util.stream.IntStream.range(0, batch.size()).allMatch(stopped::test)) {
            return java.util.Collections.nCopies(batch.size(), List.of()); // nothing to encode for nobody
        }
        int width = batch.stream().mapToInt(s -> s.length).max().orElse(0);
        long[][] ids = new long[batch.size()][width];
        long[][] mask = new long[batch.size()][width];
        for (int row = 0; row < batch.size(); row++) {
            long[] source = batch.get(row);
            Arrays.fill(ids[row], options.padTokenId());
            System.arraycopy(source, 0, ids[row], 0, source.length);
            Arrays.fill(mask[row], 0, source.length, 1L);
        }
        int[] maxLengths = batch.stream().mapToInt(source -> options.maxLengthFor(source.length)).toArray();
        try (DecoderSession session = model.startDecoding(model.encode(ids, mask))) {
            return SearchStrategy.forOptions(options).search(session, options, stopped, maxLengths);
        }
    }

    private void checkSources(List<long[]> sources) {
        int limit = model.config().maxPositionEmbeddings();
        int vocab = model.config().vocabSize();
        for (int i = 0; i < sources.size(); i++) {
            int length = sources.get(i).length;
            for (long id : sources.get(i)) {
                if (id < 0 || id >= vocab) {
                    throw new IllegalArgumentException("sentence " + i + " has token id " + id
                            + " outside the vocabulary [0, " + vocab + ")");
                }
            }
            if (length == 0) {
                throw new IllegalArgumentException("sentence " + i + " has no tokens");
            }
            if (length > limit) {
                throw new IllegalArgumentException("sentence " + i + " has " + length
                        + " tokens; the model takes at most " + limit + " (split it first)");
            }
        }
    }
}
