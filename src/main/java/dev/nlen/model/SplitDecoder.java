package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;

/** {@code decoder_model.onnx} for the first step, {@code decoder_with_past_model.onnx} for the others. */
record SplitDecoder(OrtSession firstStep, OrtSession withPast, int layers) implements DecoderGraphs {

    @Override
    public OrtSession.Result runWithoutCache(OnnxTensor ids, OnnxTensor mask, OnnxTensor hidden, OnnxTensor logits)
            throws OrtException {
        return DecoderGraphs.run(firstStep,
                Map.of("encoder_attention_mask", mask, "input_ids", ids, "encoder_hidden_states", hidden), logits);
    }

    @Override
    public OrtSession.Result runWithCache(OnnxTensor ids, OnnxTensor mask, OnnxTensor hidden, OnnxTensor[] selfKv,
                                          OnnxTensor[] crossKv, OnnxTensor logits) throws OrtException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        inputs.put("encoder_attention_mask", mask);
        inputs.put("input_ids", ids);
        MergedDecoder.putPast(inputs, layers, selfKv, crossKv);
        return DecoderGraphs.run(withPast, inputs, logits);
    }

    @Override
    public void close() {
        CloseAll.close(firstStep, withPast);
    }
}
