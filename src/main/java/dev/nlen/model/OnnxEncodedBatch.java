package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;

/** Encoder output {@code last_hidden_state} [rows, S, d_model] with the attention mask [rows, S] it was made with. */
final class OnnxEncodedBatch implements EncodedBatch {

    private final OnnxTensor mask;
    private final OrtSession.Result encoderResult;

    OnnxEncodedBatch(OnnxTensor mask, OrtSession.Result encoderResult) {
        this.mask = mask;
        this.encoderResult = encoderResult;
    }

    OnnxTensor hidden() {
        return (OnnxTensor) encoderResult.get("last_hidden_state").orElseThrow();
    }

    OnnxTensor mask() {
        return mask;
    }

    @Override
    public int rows() {
        return (int) mask.getInfo().getShape()[0];
    }

    @Override
    public void close() {
        mask.close();
        encoderResult.close();
    }
}
