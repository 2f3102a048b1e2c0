package dev.nlen.generation;

import dev.nlen.model.DecoderSession;
import dev.nlen.model.TopCandidates;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Beam search with Hugging Face's candidate handling: per sentence the best 2×beams (token, beam) candidates of
 * log-probabilities plus beam scores; an eos candidate ranked within the top beams finishes a hypothesis, other
 * candidates fill the next beams. A sentence leaves the batch once {@link BeamHypotheses#isDone} says so.
 */
public final class BeamSearch implements SearchStrategy {

    /** Score of the beams that start as copies of beam 0, so the first step only expands beam 0 (HF uses -1e9). */
    private static final float SILENCED_BEAM = -1e9f;

    @Override
    public List<List<Hypothesis>> search(DecoderSession session, GenerationOptions options, IntPredicate stopped,
                                         int[] maxLengths) {
        int beams = options.numBeams();
        int maxLength = options.effectiveMaxLength();
        LogitsProcessors processors = LogitsProcessors.forOptions(options);
        // log_softmax(ban(log_softmax(x))) = log_softmax(ban(x)): with renormalize_logits and only banning
        // processors (the export's own settings) one normalisation gives the same log-probabilities
        boolean normalisedByProcessors = processors.endsNormalisedAfterMasksOnly();
        int sentences = session.rows();
        BeamHypotheses[] finished = new BeamHypotheses[sentences];
        boolean[] abandoned = new boolean[sentences];
        int[] rowsToSentences = new int[sentences * beams];
        List<Integer> live = new ArrayList<>();        // sentences still decoded, in session order
        for (int s = 0; s < sentences; s++) {
            finished[s] = new BeamHypotheses(beams, options.lengthPenalty(), options.earlyStopping(), maxLength);
            live.add(s);
            for (int k = 0; k < beams; k++) {
                rowsToSentences[s * beams + k] = s;
            }
        }
        session.selectRows(rowsToSentences);           // each sentence's encoder states, once per beam
        BeamState state = BeamState.start(sentences, beams, options.decoderStartTokenId(), SILENCED_BEAM);
        while (!live.isEmpty()) {
            int length = state.sequences()[0].length;   // decoder start included; the candidates make it length + 1
            long[] tokens = GreedySearch.lastTokens(state.sequences());
            long[] banned = session.ranksInRuntime() ? processors.tokensBannedAt(length) : null;
            TopCandidates ranked = null;
            float[][] scores = null;
            if (banned != null) { // only bans this step: the runtime ranks, the logits stay where they are
                ranked = session.stepRanked(tokens, banned, options.renormalizeLogits(), state.scores(), beams,
                        2 * beams);
            } else {
                scores = session.step(tokens);
                if (!normalisedByProcessors) {
                    LogSoftmax.applyAll(scores);        // HF: log_softmax, then the processors
                }
                processors.process(state.sequences(), scores);
            }
            BeamState next = BeamState.empty(live.size(), beams);
            List<Integer> stillLive = new ArrayList<>();
            for (int i = 0; i < live.size(); i++) {
                if (stopped.test(live.get(i))) {
                    abandoned[live.get(i)] = true;      // nobody waits for it: it leaves like a finished sentence
                    continue;
                }
                BeamHypotheses hypotheses = finished[live.get(i)];
                Candidates top = ranked != null ? Candidates.of(ranked, i)
                        : Candidates.best(scores, state.scores(), i * beams, beams, 2 * beams);
                float best = state.advance(i, top, options, hypotheses, next);
                boolean done = hypotheses.isDone(best, length);
                if (!done && length + 1 >= maxLengths[live.get(i)]) {
                    next.finishInto(i, hypotheses);     // out of length (or capped): live beams compete as they are
                    done = true;
                }
                if (!done) {
                    stillLive.add(i);
                }
            }
            if (stillLive.isEmpty()) {
                break;
            }
            int[] parents = next.parentRows(stillLive);
            if (stillLive.size() == live.size()) {
                session.reorderBeams(parents);
            } else {
                session.selectRows(parents);           // finished sentences leave the batch
            }
            state = next.keep(stillLive);
            List<Integer> remaining = new ArrayList<>();
            stillLive.forEach(i -> remaining.add(live.get(i)));
            live.clear();
            live.addAll(remaining);
        }
        List<List<Hypothesis>> out = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            out.add(abandoned[s] ? List.of() : finished[s].best(options.numReturnSequences()));
        }
        return out;
    }

}
