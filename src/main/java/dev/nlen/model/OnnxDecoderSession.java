package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The KV-cache state of one generation. Tensors ONNX Runtime hands back are fed back as they are. Three groups of
 * tensors (encoder states, cross-attention cache, self-attention cache) each hold one reference to the
 * {@link SharedResult} they came from; replacing a group releases its reference, and the last one closes the result.
 */
final class OnnxDecoderSession implements DecoderSession {

    private final OrtEnvironment env;
    private final DecoderGraphs graphs;
    private final RowGather statesGather;
    private final RowGather selfGather;
    private final RowGather allGather;
    private final int layers;
    private final LogitsBuffer logits;
    private final RuntimeRanker ranker;
    private RuntimeRanker.Bias bias;   // made on the first ranked step
    private final int vocab;

    private OnnxTensor hidden;       // [rows, S, d_model]
    private OnnxTensor mask;         // [rows, S]
    private OnnxTensor[] selfKv;     // per slot [rows, heads, P, head_dim]; null before the first step
    private OnnxTensor[] crossKv;    // per slot [rows, heads, S, head_dim]; null before the first step
    private SharedResult statesOwner;
    private SharedResult crossOwner;
    private SharedResult selfOwner;
    private int rows;

    OnnxDecoderSession(OrtEnvironment env, DecoderGraphs graphs, RowGather statesGather, RowGather selfGather,
                       RowGather allGather, RuntimeRanker ranker, int layers, int vocab, OnnxEncodedBatch encoded) {
        this.env = env;
        this.graphs = graphs;
        this.statesGather = statesGather;
        this.selfGather = selfGather;
        this.allGather = allGather;
        this.layers = layers;
        this.logits = new LogitsBuffer(env, vocab);
        this.ranker = ranker;
        this.vocab = vocab;
        this.hidden = encoded.hidden();
        this.mask = encoded.mask();
        this.statesOwner = new SharedResult(encoded, 1);
        this.rows = encoded.rows();
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public float[][] step(long[] tokens) {
        run(tokens);
        return logits.rows();
    }

    @Override
    public boolean ranksInRuntime() {
        return true;
    }

    @Override
    public TopCandidates stepRanked(long[] tokens, long[] banned, boolean normaliseAfterBans, float[] beamScores,
                                    int beams, int k) {
        if (beamScores.length < rows) {
            throw new IllegalArgumentException(beamScores.length + " beam scores for " + rows + " rows");
        }
        run(tokens);
        try {
            if (bias == null) {
                bias = ranker.newBias(vocab);
            }
            return ranker.rank(logits.tensor(rows), rows, vocab, bias.banning(banned), normaliseAfterBans,
                    beamScores, beams, k);
        } catch (OrtException e) {
            throw new IllegalStateException("ranking a step failed: " + e.getMessage(), e);
        }
    }

    /** One decoder step; the logits are left in {@link #logits}'s direct buffer. */
    private void run(long[] tokens) {
        if (tokens.length != rows) {
            throw new IllegalArgumentException(tokens.length + " tokens for " + rows + " rows");
        }
        try (OnnxTensor ids = Tensors.column(env, tokens)) {
            OnnxTensor out = logits.tensor(rows);
            if (selfKv == null) {
                OrtSession.Result result = graphs.runWithoutCache(ids, mask, hidden, out);
                SharedResult owner = new SharedResult(result, 2);
                crossKv = cache(result, "encoder");
                selfKv = cache(result, "decoder");
                crossOwner = owner;
                selfOwner = owner;
            } else {
                OrtSession.Result result = graphs.runWithCache(ids, mask, hidden, selfKv, crossKv, out);
                replaceSelf(result);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("decoder step failed: " + e.getMessage(), e);
        }
    }

    private void replaceSelf(OrtSession.Result result) {
        SharedResult previous = selfOwner;
        selfOwner = new SharedResult(result, 1);
        selfKv = cache(result, "decoder");
        previous.release();
    }

    @Override
    public void reorderBeams(int[] order) {
        checkRows(order);
        if (order.length != rows) {
            throw new IllegalArgumentException("a beam reorder keeps the row count " + rows);
        }
        if (selfKv == null || isIdentity(order)) {
            return; // nothing cached yet, or every beam continues itself: the cache already is in order
        }
        try {
            OrtSession.Result gathered = selfGather.gather(selfKv, order);
            SharedResult previous = selfOwner;
            for (int i = 0; i < selfKv.length; i++) {
                selfKv[i] = RowGather.output(gathered, i);
            }
            selfOwner = new SharedResult(gathered, 1);
            previous.release();
        } catch (OrtException e) {
            throw new IllegalStateException("beam reorder failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void selectRows(int[] order) {
        checkRows(order);
        if (order.length == rows && isIdentity(order)) {
            return;
        }
        try {
            boolean cached = selfKv != null;
            OnnxTensor[] all = new OnnxTensor[cached ? 2 + 4 * layers : 2];
            all[0] = hidden;
            all[1] = mask;
            if (cached) {
                System.arraycopy(selfKv, 0, all, 2, selfKv.length);
                System.arraycopy(crossKv, 0, all, 2 + selfKv.length, crossKv.length);
            }
            OrtSession.Result gathered = (cached ? allGather : statesGather).gather(all, order);
            hidden = RowGather.output(gathered, 0);
            mask = RowGather.output(gathered, 1);
            if (cached) {
                for (int i = 0; i < selfKv.length; i++) {
                    selfKv[i] = RowGather.output(gathered, 2 + i);
                    crossKv[i] = RowGather.output(gathered, 2 + selfKv.length + i);
                }
            }
            SharedResult owner = new SharedResult(gathered, cached ? 3 : 1);
            SharedResult[] previous = {statesOwner, crossOwner, selfOwner};
            statesOwner = owner;
            crossOwner = cached ? owner : null;
            selfOwner = cached ? owner : null;
            releaseAll(previous);
            rows = order.length;
        } catch (OrtException e) {
            throw new IllegalStateException("row selection failed: " + e.getMessage(), e);
        }
    }

    private OnnxTensor[] cache(OrtSession.Result result, String attention) {
        OnnxTensor[] slots = new OnnxTensor[2 * layers];
        for (int layer = 0; layer < layers; layer++) {
            for (String kind : CacheNames.KINDS) {
                slots[CacheNames.slot(layer, kind)] =
                        (OnnxTensor) result.get(CacheNames.present(layer, attention, kind)).orElseThrow();
            }
        }
        return slots;
    }

    private void checkRows(int[] order) {
        for (int row : order) {
            if (row < 0 || row >= rows) {
                throw new IllegalArgumentException("row " + row + " out of range [0, " + rows + ")");
            }
        }
    }

    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Releases each reference (nulls skipped), every one even when one fails (see {@link CloseAll}). */
    private static void releaseAll(SharedResult... owners) {
        CloseAll.close(java.util.Arrays.stream(owners).map(OnnxDecoderSession::releasing).toList());
    }

    private static AutoCloseable releasing(SharedResult owner) {
        return owner == null ? null : owner::release;
    }

    @Override
    public void close() {
        SharedResult[] owners = {selfOwner, crossOwner, statesOwner};
        statesOwner = crossOwner = selfOwner = null;
        selfKv = crossKv = null;
        CloseAll.close(releasing(owners[0]), releasing(owners[1]), releasing(owners[2]), logits, bias);
    }
}
