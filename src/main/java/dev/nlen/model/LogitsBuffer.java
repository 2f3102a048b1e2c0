package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Where one decoding session's next-token logits land: a direct buffer ONNX Runtime writes into (a pinned output, so
 * no native-to-heap copy per step) and Java rows read once from it. Both are reused across steps and regrown only
 * when the row count grows; a step's rows are valid until the next step.
 */
final class LogitsBuffer implements AutoCloseable {

    private final OrtEnvironment env;
    private final int vocab;
    private FloatBuffer direct;
    private OnnxTensor tensor;    // [rows, 1, vocab] over direct, for the current row count
    private int tensorRows = -1;
    private float[][] heap = new float[0][];

    LogitsBuffer(OrtEnvironment env, int vocab) {
        this.env = env;
        this.vocab = vocab;
    }

    /** The output tensor for a step over {@code rows} rows. */
    OnnxTensor tensor(int rows) throws OrtException {
        if (rows != tensorRows) {
            closeTensor();
            long size = (long) rows * vocab;
            if (direct == null || direct.capacity() < size) {
                direct = ByteBuffer.allocateDirect(Math.toIntExact(size * Float.BYTES)).order(ByteOrder.nativeOrder())
                        .asFloatBuffer();
            }
            FloatBuffer view = direct.duplicate().clear().limit((int) size);
            tensor = OnnxTensor.createTensor(env, view.slice(), new long[] {rows, 1, vocab});
            tensorRows = rows;
        }
        return tensor;
    }

    /** The last step's logits as [rows][vocab], copied once from the direct buffer into reused arrays. */
    float[][] rows() {
        if (heap.length != tensorRows) {
            float[][] grown = new float[tensorRows][];
            for (int row = 0; row < tensorRows; row++) {
                grown[row] = row < heap.length ? heap[row] : new float[vocab];
            }
            heap = grown;
        }
        FloatBuffer view = direct.duplicate().clear();
        for (float[] row : heap) {
            view.get(row);
        }
        return heap;
    }

    private void closeTensor() {
        if (tensor != null) {
            tensor.close();
            tensor = null;
            tensorRows = -1;
        }
    }

    @Override
    public void close() {
        closeTensor();
    }
}
