package dev.nlen.tokenize;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a SentencePiece {@code ModelProto} ({@code .spm} file) that tokenization needs.
 *
 * <p>Read with protobuf-java's {@link CodedInputStream} rather than generated classes: the schema is stable and
 * only a dozen fields matter, while the library gets the wire format (varints, lengths, unknown fields, truncated
 * input) right and reports corrupt files as exceptions instead of misreading them.
 */
record SentencePieceModel(List<Piece> pieces, Normalizer normalizer, Trainer trainer) {

    enum PieceType { NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE }

    record Piece(String piece, float score, PieceType type) {}

    /** {@code NormalizerSpec}: the charsmap is SentencePiece's compiled normalization rules (may be empty). */
    record Normalizer(String name, byte[] precompiledCharsmap, boolean addDummyPrefix,
                      boolean removeExtraWhitespaces, boolean escapeWhitespaces) {}

    /** The {@code TrainerSpec} fields that change how encoding behaves. */
    record Trainer(int modelType, boolean treatWhitespaceAsSuffix, boolean byteFallback) {
        static final int UNIGRAM = 1;
    }

    static SentencePieceModel read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TokenizerLoadException(file, "cannot read SentencePiece model: " + e.getMessage(), e);
        }
        try {
            SentencePieceModel model = parse(CodedInputStream.newInstance(bytes));
            if (model.pieces.isEmpty()) {
                throw new TokenizerLoadException(file, "not a SentencePiece model: it has no pieces");
            }
            return model;
        } catch (IOException | RuntimeException e) {
            if (e instanceof TokenizerLoadException tle) {
                throw tle;
            }
            throw new TokenizerLoadException(file, "corrupt SentencePiece model: " + e.getMessage(), e);
        }
    }

    private static SentencePieceModel parse(CodedInputStream in) throws IOException {
        List<Piece> pieces = new ArrayList<>();
        Normalizer normalizer = new Normalizer("", new byte[0], true, true, true);
        Trainer trainer = new Trainer(Trainer.UNIGRAM, false, false);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> pieces.add(nested(in, SentencePieceModel::parsePiece));
                case 2 -> trainer = nested(in, SentencePieceModel::parseTrainer);
                case 3 -> normalizer = nested(in, SentencePieceModel::parseNormalizer);
                default -> in.skipField(tag);
            }
        }
        return new SentencePieceModel(List.copyOf(pieces), normalizer, trainer);
    }

    private interface MessageParser<T> {
        T parse(CodedInputStream in) throws IOException;
    }

    private static <T> T nested(CodedInputStream in, MessageParser<T> parser) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        T value = parser.parse(in);
        in.checkLastTagWas(0);
        in.popLimit(limit);
        return value;
    }

    private static Piece parsePiece(CodedInputStream in) throws IOException {
        String piece = "";
        float score = 0f;
        PieceType type = PieceType.NORMAL;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> piece = in.readStringRequireUtf8();
                case 2 -> score = in.readFloat();
                case 3 -> type = pieceType(in.readEnum());
                default -> in.skipField(tag);
            }
        }
        return new Piece(piece, score, type);
    }

    private static PieceType pieceType(int number) throws IOException {
        PieceType[] types = PieceType.values();
        if (number < 1 || number > types.length) {
            throw new IOException("unknown piece type " + number);
        }
        return types[number - 1]; // proto numbers NORMAL=1 … BYTE=6, in declaration order
    }

    private static Normalizer parseNormalizer(CodedInputStream in) throws IOException {
        String name = "";
        byte[] charsmap = new byte[0];
        boolean dummyPrefix = true;
        boolean removeExtra = true;
        boolean escape = true;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.readStringRequireUtf8();
                case 2 -> charsmap = in.readByteArray();
                case 3 -> dummyPrefix = in.readBool();
                case 4 -> removeExtra = in.readBool();
                case 5 -> escape = in.readBool();
                default -> in.skipField(tag);
            }
        }
        return new Normalizer(name, charsmap, dummyPrefix, removeExtra, escape);
    }

    private static Trainer parseTrainer(CodedInputStream in) throws IOException {
        int modelType = Trainer.UNIGRAM;
        boolean suffix = false;
        boolean byteFallback = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 3 -> modelType = in.readEnum();
                case 24 -> suffix = in.readBool();
                case 35 -> byteFallback = in.readBool();
                default -> in.skipField(tag);
            }
        }
        return new Trainer(modelType, suffix, byteFallback);
    }
}
