package dev.nlen.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
            Proto node = new Proto().string(1, inputName(i)).string(1, "rows").string(2, outputName(i))
                    .string(4, "Gather")
                    .message(5, new Proto().string(1, "axis").varint(3, 0).varint(20, 2)); // AttributeProto INT
            graph.message(1, node);
        }
        graph.string(2, "gather_rows");
        for (int i = 0; i < inputs.size(); i++) {
            graph.message(11, valueInfo(inputName(i), inputs.get(i).elementType()));
        }
        graph.message(11, valueInfo("rows", INT64));
        for (int i = 0; i < inputs.size(); i++) {
            graph.message(12, valueInfo(outputName(i), inputs.get(i).elementType()));
        }
        return new Proto()
                .varint(1, 8)                                            // ir_version
                .string(2, "nlen")                                       // producer_name
                .message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, 13))     // opset_import: ai.onnx 13
                .bytes();
    }

    /** ValueInfoProto with an element type and an unknown shape. */
    private static Proto valueInfo(String name, int elementType) {
        Proto tensorType = new Proto().varint(1, elementType);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** Just enough of the protobuf wire format: varints and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            writeVarint((long) field << 3);
            writeVarint(value);
            return this;
        }

        Proto string(int field, String value) {
            return lengthDelimited(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return lengthDelimited(field, value.bytes());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private Proto lengthDelimited(int field, byte[] value) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
