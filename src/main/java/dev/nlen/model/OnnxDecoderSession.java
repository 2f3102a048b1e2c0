package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Collections;

/**
 * The KV-cache state of one generation. Tensors ONNX Runtime hands back are fed back as they are; each group of
 * tensors is owned by the result that produced it, and a result is closed as soon as no group refers to it.
 */
final class OnnxDecoderSession implements DecoderSession {

    private final OrtEnvironment env;
    private final DecoderGraphs graphs;
    private final RowGather statesGather;
    private final RowGather selfGather;
    private final RowGather allGather;
    private final int layers;

    private OnnxTensor hidden;       // [rows, S, d_model]
    private OnnxTensor mask;         // [rows, S]
    private OnnxTensor[] selfKv;     // per slot [rows, heads, P, head_dim]; null before the first step
    private OnnxTensor[] crossKv;    // per slot [rows, heads, S, head_dim]; null before the first step
    private AutoCloseable statesOwner;
    private AutoCloseable crossOwner;
    private AutoCloseable selfOwner;
    private int rows;

    OnnxDecoderSession(OrtEnvironment env, DecoderGraphs graphs, RowGather statesGather, RowGather selfGather,
                       RowGather allGather, int layers, OnnxEncodedBatch encoded) {
        this.env = env;
        this.graphs = graphs;
        this.statesGather = statesGather;
        this.selfGather = selfGather;
        this.allGather = allGather;
        this.layers = layers;
        this.hidden = encoded.hidden();
        this.mask = encoded.mask();
        this.statesOwner = encoded;
        this.rows = encoded.rows();
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public float[][] step(long[] tokens) {
        if (tokens.length != rows) {
            throw new IllegalArgumentException(tokens.length + " tokens for " + rows + " rows");
        }
        try (OnnxTensor ids = Tensors.column(env, tokens)) {
            OrtSession.Result result;
            if (selfKv == null) {
                result = graphs.runWithoutCache(ids, mask, hidden);
                crossKv = cache(result, "encoder");
                crossOwner = result;
            } else {
                result = graphs.runWithCache(ids, mask, hidden, selfKv, crossKv);
            }
            AutoCloseable previous = selfOwner;
            selfKv = cache(result, "decoder");
            selfOwner = result;
            float[][] logits = Tensors.lastPositionRows((OnnxTensor) result.get("logits").orElseThrow());
            retire(previous);
            return logits;
        } catch (OrtException e) {
            throw new IllegalStateException("decoder step failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void reorderBeams(int[] order) {
        checkRows(order);
        if (order.length != rows) {
            throw new IllegalArgumentException("a beam reorder keeps the row count " + rows);
        }
        if (selfKv == null) {
            return; // nothing cached yet, and the encoder states are the same for every beam of a sentence
        }
        try {
            OrtSession.Result gathered = selfGather.gather(selfKv, order);
            AutoCloseable previous = selfOwner;
            for (int i = 0; i < selfKv.length; i++) {
                selfKv[i] = RowGather.output(gathered, i);
            }
            selfOwner = gathered;
            retire(previous);
        } catch (OrtException e) {
            throw new IllegalStateException("beam reorder failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void selectRows(int[] order) {
        checkRows(order);
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
            Set<AutoCloseable> previous = owners();
            statesOwner = gathered;
            crossOwner = cached ? gathered : null;
            selfOwner = cached ? gathered : null;
            previous.forEach(this::retire);
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

    /** Closes an owner that no tensor group refers to any more. */
    private void retire(AutoCloseable owner) {
        if (owner != null && owner != statesOwner && owner != crossOwner && owner != selfOwner) {
            closeQuietly(owner);
        }
    }

    /** The distinct results currently owning tensors: one group may share its owner with another. */
    private Set<AutoCloseable> owners() {
        Set<AutoCloseable> owners = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AutoCloseable owner : new AutoCloseable[] {statesOwner, crossOwner, selfOwner}) {
            if (owner != null) {
                owners.add(owner);
            }
        }
        return owners;
    }

    @Override
    public void close() {
        Set<AutoCloseable> owners = owners();
        statesOwner = crossOwner = selfOwner = null;
        owners.forEach(OnnxDecoderSession::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable owner) {
        try {
            owner.close();
        } catch (Exception e) {
            throw new IllegalStateException("releasing decoder tensors failed", e);
        }
    }
}
