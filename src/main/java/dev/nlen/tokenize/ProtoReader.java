package dev.nlen.tokenize;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The few protobuf wire-format reads a SentencePiece {@code ModelProto} needs, bounds-checked so that a damaged
 * file fails with an {@link IOException} instead of being misread. Written here rather than taken from
 * protobuf-java: that library (4.33, 4.34) calls {@code sun.misc.Unsafe}, which JDK 25 reports with a warning on
 * every model load, and a dozen fields of three messages do not need it.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buffer;
    private final int limit;
    private int position;

    ProtoReader(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    private ProtoReader(byte[] buffer, int from, int limit) {
        this.buffer = buffer;
        this.position = from;
        this.limit = limit;
    }

    boolean hasMore() {
        return position < limit;
    }

    /** The next field's tag: field number {@code tag >>> 3}, wire type {@code tag & 7}. */
    int readTag() throws IOException {
        long tag = readVarint();
        if (tag >>> 3 == 0 || tag > Integer.MAX_VALUE) {
            throw new IOException("invalid field tag " + tag + " at byte " + position);
        }
        return (int) tag;
    }

    long readVarint() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = next();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IOException("malformed varint at byte " + position);
    }

    boolean readBool() throws IOException {
        return readVarint() != 0;
    }

    float readFloat() throws IOException {
        int bits = 0;
        for (int i = 0; i < 4; i++) {
            bits |= (next() & 0xFF) << (8 * i);
        }
        return Float.intBitsToFloat(bits);
    }

    byte[] readBytes() throws IOException {
        int length = readLength();
        byte[] bytes = java.util.Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return bytes;
    }

    String readString() throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(readBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("string field is not UTF-8 before byte " + position, e);
        }
    }

    /** A reader over the embedded message that follows. */
    ProtoReader readMessage() throws IOException {
        int length = readLength();
        ProtoReader message = new ProtoReader(buffer, position, position + length);
        position += length;
        return message;
    }

    void skip(int wireType) throws IOException {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(readLength());
            case FIXED32 -> advance(4);
            default -> throw new IOException("unsupported wire type " + wireType + " before byte " + position);
        }
    }

    /** Fails unless the field just read ({@code tag}) has the wire type the schema gives it. */
    static void expect(int tag, int wireType) throws IOException {
        if ((tag & 7) != wireType) {
            throw new IOException("field " + (tag >>> 3) + " has wire type " + (tag & 7) + ", expected " + wireType);
        }
    }

    private int readLength() throws IOException {
        long length = readVarint();
        if (length > limit - position) {
            throw new IOException("length " + length + " runs past the end (" + (limit - position) + " bytes left)");
        }
        return (int) length;
    }

    private void advance(int bytes) throws IOException {
        if (bytes > limit - position) {
            throw new IOException("field runs past the end of its message");
        }
        position += bytes;
    }

    private byte next() throws IOException {
        if (position >= limit) {
            throw new IOException("message ends in the middle of a field");
        }
        return buffer[position++];
    }
}
