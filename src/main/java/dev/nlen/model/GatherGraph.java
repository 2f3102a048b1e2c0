package dev.nlen.model;

import java.util.List;

/**
 * Writes, as ONNX protobuf bytes, a graph that gathers rows (axis 0) of several tensors with one index vector:
 * {@code out_i = Gather(in_i, rows)}. Beam reordering and dropping finished sentences then stay inside
 * ONNX Runtime instead of copying the KV cache through Java arrays.
 */
final class GatherGraph {

    /** ONNX TensorProto element types used here. */
    static final int FLOAT = 1;
    static final int INT64 = 7;

    record Input(String name, int elementType) {}

    private GatherGraph() {
    }

    static String inputName(int i) {
        return "in" + i;
    }

    static String outputName(int i) {
        return "out" + i;
    }

    static byte[] build(List<Input> inputs) {
        Proto graph = new Proto();
        for (int i = 0; i < inputs.size(); i++) {
            graph.message(1, Proto.node("Gather", List.of(inputName(i), "rows"), List.of(outputName(i)), "axis", 0));
        }
        graph.string(2, "gather_rows");
        for (int i = 0; i < inputs.size(); i++) {
            graph.message(11, valueInfo(inputName(i), inputs.get(i).elementType()));
        }
        graph.message(11, valueInfo("rows", INT64));
        for (int i = 0; i < inputs.size(); i++) {
            graph.message(12, valueInfo(outputName(i), inputs.get(i).elementType()));
        }
        return Proto.model(graph);
    }

    private static Proto valueInfo(String name, int elementType) {
        return Proto.valueInfo(name, elementType);
    }
}
