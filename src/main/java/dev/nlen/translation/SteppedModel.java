package dev.nlen.translation;

import dev.nlen.model.DecoderSession;
import dev.nlen.model.ForwardingDecoderSession;
import dev.nlen.model.EncodedBatch;
import dev.nlen.model.ModelConfig;
import dev.nlen.model.Seq2SeqModel;
import dev.nlen.model.TopCandidates;
import java.util.concurrent.atomic.LongAdder;

/**
 * The model as one batch sees it: before its encoder pass and before every decoding step it calls
 * {@code betweenSteps} (where the scheduler lets another batch in flight take its step first) and counts the step.
 * Pure delegation otherwise, so the generated ids are the model's own. Closing it does not close the model.
 */
final class SteppedModel implements Seq2SeqModel {

    private final Seq2SeqModel model;
    private final Runnable betweenSteps;
    private final LongAdder steps;

    SteppedModel(Seq2SeqModel model, Runnable betweenSteps, LongAdder steps) {
        this.model = model;
        this.betweenSteps = betweenSteps;
        this.steps = steps;
    }

    @Override
    public ModelConfig config() {
        return model.config();
    }

    @Override
    public EncodedBatch encode(long[][] inputIds, long[][] attentionMask) {
        betweenSteps.run();
        return model.encode(inputIds, attentionMask);
    }

    @Override
    public DecoderSession startDecoding(EncodedBatch encoded) {
        return new Session(model.startDecoding(encoded));
    }

    /** The model belongs to the engine. */
    @Override
    public void close() {
    }

    private final class Session extends ForwardingDecoderSession {

        Session(DecoderSession session) {
            super(session);
        }

        @Override
        public float[][] step(long[] tokens) {
            betweenSteps.run();
            steps.increment();
            return session.step(tokens);
        }

        @Override
        public TopCandidates stepRanked(long[] tokens, long[] banned, boolean normaliseAfterBans, float[] beamScores,
                                        int beams, int k) {
            betweenSteps.run();
            steps.increment();
            return session.stepRanked(tokens, banned, normaliseAfterBans, beamScores, beams, k);
        }
    }
}
