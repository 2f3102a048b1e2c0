package dev.nlen.generation;

import dev.nlen.model.DecoderSession;
import dev.nlen.model.EncodedBatch;
import dev.nlen.model.ModelConfig;
import dev.nlen.model.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A fake model whose next-token logits are a function of (source ids, tokens fed so far). Each session row keeps the
 * tokens it was fed, like a KV cache: a search that forgot to reorder would get logits for the wrong prefix.
 */
final class ScriptedModel implements Seq2SeqModel {

    private final ModelConfig config;
    private final BiFunction<long[], long[], float[]> logits;
    int steps;

    ScriptedModel(int vocab, BiFunction<long[], long[], float[]> logits) {
        this.config = new ModelConfig("fake", 8, 1, 1, 1, vocab, 64, vocab - 1, 0, vocab - 1);
        this.logits = logits;
    }

    /** Pseudo-random logits, the same for the same source and prefix, with eos likelier as the prefix grows. */
    static ScriptedModel random(int vocab, long seed) {
        return new ScriptedModel(vocab, (source, prefix) -> {
            java.util.Random random = new java.util.Random(seed ^ Arrays.hashCode(source) * 31L ^ Arrays.hashCode(prefix));
            float[] out = new float[vocab];
            for (int i = 0; i < vocab; i++) {
                out[i] = (float) random.nextGaussian() * 2f;
            }
            out[0] += prefix.length * 0.6f - 2f;
            return out;
        });
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public EncodedBatch encode(long[][] inputIds, long[][] attentionMask) {
        List<long[]> sources = new ArrayList<>();
        for (int row = 0; row < inputIds.length; row++) {
            int length = (int) Arrays.stream(attentionMask[row]).sum();
            sources.add(Arrays.copyOf(inputIds[row], length));
        }
        return new Encoded(sources);
    }

    @Override
    public DecoderSession startDecoding(EncodedBatch encoded) {
        return new Session(((Encoded) encoded).sources);
    }

    @Override
    public void close() {
    }

    private record Encoded(List<long[]> sources) implements EncodedBatch {
        @Override
        public int rows() {
            return sources.size();
        }

        @Override
        public void close() {
        }
    }

    private final class Session implements DecoderSession {
        private List<long[]> sources;
        private List<long[]> fed = new ArrayList<>();

        Session(List<long[]> sources) {
            this.sources = new ArrayList<>(sources);
            sources.forEach(s -> fed.add(new long[0]));
        }

        @Override
        public int rows() {
            return sources.size();
        }

        @Override
        public float[][] step(long[] tokens) {
            steps++;
            float[][] out = new float[tokens.length][];
            for (int row = 0; row < tokens.length; row++) {
                long[] prefix = Arrays.copyOf(fed.get(row), fed.get(row).length + 1);
                prefix[prefix.length - 1] = tokens[row];
                fed.set(row, prefix);
                out[row] = logits.apply(sources.get(row), prefix);
            }
            return out;
        }

        @Override
        public void reorderBeams(int[] rows) {
            for (int i = 0; i < rows.length; i++) {
                if (!Arrays.equals(sources.get(i), sources.get(rows[i]))) {
                    throw new AssertionError("beam reorder across sentences");
                }
            }
            selectRows(rows);
        }

        @Override
        public void selectRows(int[] rows) {
            List<long[]> s = new ArrayList<>();
            List<long[]> f = new ArrayList<>();
            for (int row : rows) {
                s.add(sources.get(row));
                f.add(fed.get(row));
            }
            sources = s;
            fed = f;
        }

        @Override
        public void close() {
        }
    }
}
