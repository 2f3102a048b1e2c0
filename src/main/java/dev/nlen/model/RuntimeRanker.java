package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * The two {@link RankingGraph} sessions, shared by every decoding session (ONNX Runtime sessions are thread-safe).
 * Per decoding session a {@link Bias} keeps the ban tensor, rewritten only when the banned ids change.
 */
final class RuntimeRanker implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession normaliseAfterBias;
    private final OrtSession biasAfterNormalise;

    RuntimeRanker(OrtEnvironment env, int intraOpThreads, boolean spinning, boolean cpuArena) throws OrtException {
        this.env = env;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            options.addConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
            options.setCPUArenaAllocator(cpuArena); // log-softmax over [rows, vocab]: an arena would keep its peak
            this.normaliseAfterBias = env.createSession(RankingGraph.build(true), options);
            OrtSession other;
            try {
                other = env.createSession(RankingGraph.build(false), options);
            } catch (OrtException | RuntimeException e) {
                CloseAll.close(normaliseAfterBias);
                throw e;
            }
            this.biasAfterNormalise = other;
        }
    }

    /** The additive ban row [1, vocab] of one decoding session: 0, or -inf at the banned ids. */
    final class Bias implements AutoCloseable {
        private final FloatBuffer values;
        private final OnnxTensor tensor;
        private long[] banned = new long[0];

        Bias(int vocab) throws OrtException {
            values = ByteBuffer.allocateDirect(vocab * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            tensor = OnnxTensor.createTensor(env, values, new long[] {1, vocab});
        }

        OnnxTensor banning(long[] ids) {
            if (!Arrays.equals(ids, banned)) {
                for (long id : banned) {
                    values.put((int) id, 0f);
                }
                for (long id : ids) {
                    values.put((int) id, Float.NEGATIVE_INFINITY);
                }
                banned = ids.clone();
            }
            return tensor;
        }

        @Override
        public void close() {
            tensor.close();
        }
    }

    Bias newBias(int vocab) throws OrtException {
        return new Bias(vocab);
    }

    TopCandidates rank(OnnxTensor logits, int rows, int vocab, OnnxTensor bias, boolean normaliseAfterBans,
                       float[] beamScores, int beams, int k) throws OrtException {
        if (rows % beams != 0) {
            throw new IllegalArgumentException(rows + " rows are not whole groups of " + beams + " beams");
        }
        int width = beams * vocab;
        try (OnnxTensor rowsVocab = Tensors.vector(env, new long[] {rows, vocab});
             OnnxTensor scores = OnnxTensor.createTensor(env, FloatBuffer.wrap(beamScores, 0, rows),
                     new long[] {rows, 1});
             OnnxTensor sentencesWidth = Tensors.vector(env, new long[] {rows / beams, width});
             OnnxTensor kTensor = Tensors.vector(env, new long[] {Math.min(k, width)});
             OrtSession.Result result = (normaliseAfterBans ? normaliseAfterBias : biasAfterNormalise).run(Map.of(
                     "logits", logits, "rows_vocab", rowsVocab, "bias", bias, "beam_scores", scores,
                     "sentences_width", sentencesWidth, "k", kTensor))) {
            float[][] top = (float[][]) result.get("scores").orElseThrow().getValue();
            long[][] indices = (long[][]) result.get("indices").orElseThrow().getValue();
            return new TopCandidates(beams, vocab, top, indices);
        }
    }

    @Override
    public void close() {
        CloseAll.close(normaliseAfterBias, biasAfterNormalise);
    }
}
