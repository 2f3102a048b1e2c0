package dev.nlen.model;

import java.util.Locale;

/** Weight precision of the ONNX graphs: fp32 files, or the {@code *_quantized.onnx} int8 ones. */
public enum Precision {
    FP32(""), INT8("_quantized");

    private final String fileSuffix;

    Precision(String fileSuffix) {
        this.fileSuffix = fileSuffix;
    }

    /** {@code encoder_model} → {@code onnx/encoder_model_quantized.onnx} for int8. */
    public String fileName(String graph) {
        return "onnx/" + graph + fileSuffix + ".onnx";
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
