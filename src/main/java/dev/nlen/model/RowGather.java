package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers rows of a fixed list of tensors in one ONNX Runtime call ({@link GatherGraph}). The result owns the
 * gathered tensors; read them with {@link #output}.
 */
final class RowGather implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final int arity;

    RowGather(OrtEnvironment env, List<Integer> elementTypes, boolean cpuArena) throws OrtException {
        this.env = env;
        this.arity = elementTypes.size();
        List<GatherGraph.Input> inputs = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            inputs.add(new GatherGraph.Input(GatherGraph.inputName(i), elementTypes.get(i)));
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1); // a memory copy: more threads only add hand-over cost
            options.setCPUArenaAllocator(cpuArena); // its outputs are the KV caches: an arena would keep their peak
            this.session = env.createSession(GatherGraph.build(inputs), options);
        }
    }

    /** {@code out[i] = tensors[i][rows]}, all in one run. */
    OrtSession.Result gather(OnnxTensor[] tensors, int[] rows) throws OrtException {
        if (tensors.length != arity) {
            throw new IllegalArgumentException("expected " + arity + " tensors, got " + tensors.length);
        }
        long[] indices = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            indices[i] = rows[i];
        }
        try (OnnxTensor index = Tensors.vector(env, indices)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            for (int i = 0; i < arity; i++) {
                inputs.put(GatherGraph.inputName(i), tensors[i]);
            }
            inputs.put("rows", index);
            return session.run(inputs);
        }
    }

    static OnnxTensor output(OrtSession.Result result, int i) {
        return (OnnxTensor) result.get(GatherGraph.outputName(i)).orElseThrow();
    }

    @Override
    public void close() {
        CloseAll.close(session);
    }
}
