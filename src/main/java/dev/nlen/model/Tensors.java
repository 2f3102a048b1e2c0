package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/** Small factories for the input tensors the model feeds. */
final class Tensors {

    private Tensors() {
    }

    /** An int64 tensor [rows][cols] from a rectangular array. */
    static OnnxTensor int64(OrtEnvironment env, long[][] values) throws OrtException {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        LongBuffer buffer = LongBuffer.allocate(rows * cols);
        for (long[] row : values) {
            buffer.put(row);
        }
        buffer.rewind();
        return OnnxTensor.createTensor(env, buffer, new long[] {rows, cols});
    }

    /** An int64 column [rows, 1]: one new token per row. */
    static OnnxTensor column(OrtEnvironment env, long[] values) throws OrtException {
        return OnnxTensor.createTensor(env, LongBuffer.wrap(values), new long[] {values.length, 1});
    }

    static OnnxTensor vector(OrtEnvironment env, long[] values) throws OrtException {
        return OnnxTensor.createTensor(env, LongBuffer.wrap(values), new long[] {values.length});
    }

    static OnnxTensor zeros(OrtEnvironment env, long... shape) throws OrtException {
        long size = 1;
        for (long dim : shape) {
            size *= dim;
        }
        return OnnxTensor.createTensor(env, FloatBuffer.allocate(Math.toIntExact(size)), shape);
    }

    /** The last position's logits of a [rows, T, vocab] tensor, as [rows][vocab]. */
    static float[][] lastPositionRows(OnnxTensor logits) {
        long[] shape = logits.getInfo().getShape();
        int rows = (int) shape[0];
        int positions = (int) shape[1];
        int vocab = (int) shape[2];
        FloatBuffer all = logits.getFloatBuffer();
        float[][] out = new float[rows][vocab];
        for (int row = 0; row < rows; row++) {
            all.position((row * positions + positions - 1) * vocab);
            all.get(out[row]);
        }
        return out;
    }
}
