package dev.nlen.generation;

import dev.nlen.model.DecoderSession;
import dev.nlen.model.TopCandidates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/** Takes the highest-scoring token each step (the first one on ties, like {@code torch.argmax}). */
public final class GreedySearch implements SearchStrategy {

    @Override
    public List<List<Hypothesis>> search(DecoderSession session, GenerationOptions options, IntPredicate stopped,
                                         int[] maxLengths) {
        LogitsProcessors processors = LogitsProcessors.forOptions(options);
        int sentences = session.rows();
        long[][] done = new long[sentences][];
        double[] scores = new double[sentences];
        int[] live = new int[sentences];               // session row → sentence
        long[][] sequences = new long[sentences][];    // per session row, decoder start included
        for (int i = 0; i < sentences; i++) {
            live[i] = i;
            sequences[i] = new long[] {options.decoderStartTokenId()};
        }
        while (true) {
            int[] tokens = new int[live.length];
            float[] logProbabilities = new float[live.length];
            long[] banned = session.ranksInRuntime() ? processors.tokensBannedAt(sequences[0].length) : null;
            if (banned != null) { // only bans this step: the runtime ranks, the logits stay where they are
                TopCandidates top = session.stepRanked(lastTokens(sequences), banned, true, new float[live.length],
                        1, 1);
                for (int row = 0; row < live.length; row++) {
                    tokens[row] = top.token(row, 0);
                    logProbabilities[row] = top.score(row, 0);
                }
            } else {
                float[][] logits = session.step(lastTokens(sequences));
                processors.process(sequences, logits);
                for (int row = 0; row < live.length; row++) {
                    tokens[row] = argmax(logits[row]);
                    logProbabilities[row] = logProbability(logits[row], tokens[row], options.renormalizeLogits());
                }
            }
            List<Integer> keep = new ArrayList<>();
            for (int row = 0; row < live.length; row++) {
                if (stopped.test(live[row])) {
                    continue;                          // nobody waits for it: it leaves like a finished row
                }
                int token = tokens[row];
                scores[live[row]] += logProbabilities[row];
                sequences[row] = append(sequences[row], token);
                if (options.isEos(token) || sequences[row].length >= maxLengths[live[row]]) {
                    done[live[row]] = sequences[row];
                } else {
                    keep.add(row);
                }
            }
            if (keep.isEmpty()) {
                break;
            }
            if (keep.size() < live.length) { // finished sentences leave the batch
                int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
                session.selectRows(rows);
                int[] nextLive = new int[rows.length];
                long[][] nextSequences = new long[rows.length][];
                for (int i = 0; i < rows.length; i++) {
                    nextLive[i] = live[rows[i]];
                    nextSequences[i] = sequences[rows[i]];
                }
                live = nextLive;
                sequences = nextSequences;
            }
        }
        List<List<Hypothesis>> out = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            out.add(done[i] == null ? List.of()
                    : List.of(new Hypothesis(Arrays.copyOfRange(done[i], 1, done[i].length), scores[i])));
        }
        return out;
    }

    static long[] lastTokens(long[][] sequences) {
        long[] last = new long[sequences.length];
        for (int i = 0; i < sequences.length; i++) {
            last[i] = sequences[i][sequences[i].length - 1];
        }
        return last;
    }

    static long[] append(long[] sequence, long token) {
        long[] grown = Arrays.copyOf(sequence, sequence.length + 1);
        grown[sequence.length] = token;
        return grown;
    }

    static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The chosen token's log-probability under the processed scores. */
    private static float logProbability(float[] processed, int token, boolean alreadyNormalised) {
        if (alreadyNormalised) {
            return processed[token];
        }
        return LogSoftmax.at(processed, token);
    }
}
