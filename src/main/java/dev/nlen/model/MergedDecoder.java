package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code decoder_model_merged.onnx}: one graph whose {@code use_cache_branch} input picks the branch. The past inputs
 * must be fed on the first step too: zeros with one past position, which the no-cache branch ignores. In the cache
 * branch the {@code present.*.encoder.*} outputs are empty placeholders, so callers keep the first step's.
 */
record MergedDecoder(OrtEnvironment env, OrtSession session, int layers, int heads, int headDim)
        implements DecoderGraphs {

    @Override
    public OrtSession.Result runWithoutCache(OnnxTensor ids, OnnxTensor mask, OnnxTensor hidden, OnnxTensor logits)
            throws OrtException {
        long rows = ids.getInfo().getShape()[0];
        try (OnnxTensor zeros = Tensors.zeros(env, rows, heads, 1, headDim);
             OnnxTensor useCache = OnnxTensor.createTensor(env, new boolean[] {false})) {
            OnnxTensor[] dummy = new OnnxTensor[2 * layers];
            java.util.Arrays.fill(dummy, zeros);
            return DecoderGraphs.run(session, inputs(ids, mask, hidden, dummy, dummy, useCache), logits);
        }
    }

    @Override
    public OrtSession.Result runWithCache(OnnxTensor ids, OnnxTensor mask, OnnxTensor hidden, OnnxTensor[] selfKv,
                                          OnnxTensor[] crossKv, OnnxTensor logits) throws OrtException {
        try (OnnxTensor useCache = OnnxTensor.createTensor(env, new boolean[] {true})) {
            return DecoderGraphs.run(session, inputs(ids, mask, hidden, selfKv, crossKv, useCache), logits);
        }
    }

    private Map<String, OnnxTensor> inputs(OnnxTensor ids, OnnxTensor mask, OnnxTensor hidden, OnnxTensor[] selfKv,
                                           OnnxTensor[] crossKv, OnnxTensor useCache) {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        inputs.put("encoder_attention_mask", mask);
        inputs.put("input_ids", ids);
        inputs.put("encoder_hidden_states", hidden);
        inputs.put("use_cache_branch", useCache);
        putPast(inputs, layers, selfKv, crossKv);
        return inputs;
    }

    static void putPast(Map<String, OnnxTensor> inputs, int layers, OnnxTensor[] selfKv, OnnxTensor[] crossKv) {
        for (int layer = 0; layer < layers; layer++) {
            for (String kind : CacheNames.KINDS) {
                inputs.put(CacheNames.past(layer, "decoder", kind), selfKv[CacheNames.slot(layer, kind)]);
                inputs.put(CacheNames.past(layer, "encoder", kind), crossKv[CacheNames.slot(layer, kind)]);
            }
        }
    }

    @Override
    public void close() {
        CloseAll.close(session);
    }
}
