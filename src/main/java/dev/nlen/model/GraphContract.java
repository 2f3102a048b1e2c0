package dev.nlen.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The input/output names and element types each graph of the export must have, checked against what the session
 * reports, so a wrong or foreign file fails at load with one message instead of failing mid-translation.
 */
final class GraphContract {

    private final Map<String, OnnxJavaType> inputs = new LinkedHashMap<>();
    private final Map<String, OnnxJavaType> outputs = new LinkedHashMap<>();

    static GraphContract encoder() {
        return new GraphContract()
                .input("input_ids", OnnxJavaType.INT64).input("attention_mask", OnnxJavaType.INT64)
                .output("last_hidden_state", OnnxJavaType.FLOAT);
    }

    /** A decoder graph: which cache tensors it takes and returns depends on the file. */
    static GraphContract decoder(int layers, boolean hiddenIn, boolean pastIn, boolean encoderPresentOut,
                                 boolean useCacheBranch) {
        GraphContract c = new GraphContract()
                .input("encoder_attention_mask", OnnxJavaType.INT64).input("input_ids", OnnxJavaType.INT64);
        if (hiddenIn) {
            c.input("encoder_hidden_states", OnnxJavaType.FLOAT);
        }
        c.output("logits", OnnxJavaType.FLOAT);
        for (int layer = 0; layer < layers; layer++) {
            for (String kv : CacheNames.KINDS) {
                if (pastIn) {
                    c.input(CacheNames.past(layer, "decoder", kv), OnnxJavaType.FLOAT);
                    c.input(CacheNames.past(layer, "encoder", kv), OnnxJavaType.FLOAT);
                }
                c.output(CacheNames.present(layer, "decoder", kv), OnnxJavaType.FLOAT);
                if (encoderPresentOut) {
                    c.output(CacheNames.present(layer, "encoder", kv), OnnxJavaType.FLOAT);
                }
            }
        }
        if (useCacheBranch) {
            c.input("use_cache_branch", OnnxJavaType.BOOL);
        }
        return c;
    }

    private GraphContract input(String name, OnnxJavaType type) {
        inputs.put(name, type);
        return this;
    }

    private GraphContract output(String name, OnnxJavaType type) {
        outputs.put(name, type);
        return this;
    }

    /** Inputs must match exactly (every one is fed); the outputs listed here must exist. */
    void check(OrtSession session, Path file) {
        try {
            Map<String, NodeInfo> actualIn = session.getInputInfo();
            if (!actualIn.keySet().equals(inputs.keySet())) {
                throw new ModelLoadException(file, "unexpected inputs " + new TreeSet<>(actualIn.keySet())
                        + ", expected " + new TreeSet<>(inputs.keySet()));
            }
            checkTypes(file, "input", inputs, actualIn);
            Map<String, NodeInfo> actualOut = session.getOutputInfo();
            if (!actualOut.keySet().containsAll(outputs.keySet())) {
                TreeSet<String> missing = new TreeSet<>(outputs.keySet());
                missing.removeAll(actualOut.keySet());
                throw new ModelLoadException(file, "missing outputs " + missing);
            }
            checkTypes(file, "output", outputs, actualOut);
        } catch (OrtException e) {
            throw new ModelLoadException(file, "cannot read the graph's inputs and outputs: " + e.getMessage(), e);
        }
    }

    private static void checkTypes(Path file, String what, Map<String, OnnxJavaType> expected,
                                   Map<String, NodeInfo> actual) {
        expected.forEach((name, type) -> {
            if (!(actual.get(name).getInfo() instanceof TensorInfo info) || info.type != type) {
                throw new ModelLoadException(file, what + " '" + name + "' should be a " + type + " tensor, is "
                        + actual.get(name).getInfo());
            }
        });
    }

    /** The last dimension of a tensor output when the graph fixes it, else -1. */
    static long lastDim(OrtSession session, String output) throws OrtException {
        long[] shape = ((TensorInfo) session.getOutputInfo().get(output).getInfo()).getShape();
        return shape.length == 0 ? -1 : shape[shape.length - 1];
    }
}
