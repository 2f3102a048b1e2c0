package dev.nlen.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Just enough of the ONNX protobuf wire format (varints and length-delimited fields) to write small graphs. */
final class Proto {

    /** A ModelProto around {@code graph}: IR version 8, opset ai.onnx 13. */
    static byte[] model(Proto graph) {
        return new Proto()
                .varint(1, 8)                                            // ir_version
                .string(2, "nlen")                                       // producer_name
                .message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, 13))     // opset_import: ai.onnx 13
                .bytes();
    }

    /** ValueInfoProto with an element type and an unknown shape. */
    static Proto valueInfo(String name, int elementType) {
        Proto tensorType = new Proto().varint(1, elementType);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** A NodeProto: {@code op} from {@code inputs} to {@code outputs}, with integer attributes (name, value pairs). */
    static Proto node(String op, List<String> inputs, List<String> outputs, Object... intAttributes) {
        Proto node = new Proto();
        inputs.forEach(name -> node.string(1, name));
        outputs.forEach(name -> node.string(2, name));
        node.string(4, op);
        for (int i = 0; i < intAttributes.length; i += 2) {
            node.message(5, new Proto().string(1, (String) intAttributes[i])
                    .varint(3, ((Number) intAttributes[i + 1]).longValue()).varint(20, 2)); // AttributeProto INT
        }
        return node;
    }

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
