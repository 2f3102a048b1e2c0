package dev.nlen.tokenize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a SentencePiece {@code ModelProto} ({@code .spm} file) that tokenization needs; field numbers are
 * those of sentencepiece_model.proto, read with {@link ProtoReader}.
 */
record SentencePieceModel(List<Piece> pieces, Normalizer normalizer, Trainer trainer) {

    /** Proto enum order: NORMAL = 1 … BYTE = 6. */
    enum PieceType { NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE }

    record Piece(String piece, float score, PieceType type) {}

    /** {@code NormalizerSpec}: the charsmap is SentencePiece's compiled normalization rules (empty: identity). */
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
            throw new TokenizerLoadException(file, Files.exists(file) ? "cannot read: " + e : "file not found", e);
        }
        SentencePieceModel model;
        try {
            model = parse(new ProtoReader(bytes));
        } catch (IOException e) {
            throw new TokenizerLoadException(file, "corrupt SentencePiece model: " + e.getMessage(), e);
        }
        if (model.pieces.isEmpty()) {
            throw new TokenizerLoadException(file, "not a SentencePiece model: it has no pieces");
        }
        return model;
    }

    private static SentencePieceModel parse(ProtoReader in) throws IOException {
        List<Piece> pieces = new ArrayList<>();
        Normalizer normalizer = new Normalizer("", new byte[0], true, true, true);
        Trainer trainer = new Trainer(Trainer.UNIGRAM, false, false);
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> pieces.add(parsePiece(message(in, tag)));
                case 2 -> trainer = parseTrainer(message(in, tag));
                case 3 -> normalizer = parseNormalizer(message(in, tag));
                default -> in.skip(tag & 7);
            }
        }
        return new SentencePieceModel(List.copyOf(pieces), normalizer, trainer);
    }

    private static ProtoReader message(ProtoReader in, int tag) throws IOException {
        ProtoReader.expect(tag, ProtoReader.LENGTH_DELIMITED);
        return in.readMessage();
    }

    private static Piece parsePiece(ProtoReader in) throws IOException {
        String piece = "";
        float score = 0f;
        PieceType type = PieceType.NORMAL;
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> piece = string(in, tag);
                case 2 -> {
                    ProtoReader.expect(tag, ProtoReader.FIXED32);
                    score = in.readFloat();
                }
                case 3 -> type = pieceType(varint(in, tag));
                default -> in.skip(tag & 7);
            }
        }
        return new Piece(piece, score, type);
    }

    private static Normalizer parseNormalizer(ProtoReader in) throws IOException {
        String name = "";
        byte[] charsmap = new byte[0];
        boolean[] flags = {true, true, true}; // add_dummy_prefix, remove_extra_whitespaces, escape_whitespaces
        while (in.hasMore()) {
            int tag = in.readTag();
            int field = tag >>> 3;
            if (field == 1) {
                name = string(in, tag);
            } else if (field == 2) {
                ProtoReader.expect(tag, ProtoReader.LENGTH_DELIMITED);
                charsmap = in.readBytes();
            } else if (field >= 3 && field <= 5) {
                flags[field - 3] = varint(in, tag) != 0;
            } else {
                in.skip(tag & 7);
            }
        }
        return new Normalizer(name, charsmap, flags[0], flags[1], flags[2]);
    }

    private static Trainer parseTrainer(ProtoReader in) throws IOException {
        int modelType = Trainer.UNIGRAM;
        boolean suffix = false;
        boolean byteFallback = false;
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 3 -> modelType = (int) varint(in, tag);
                case 24 -> suffix = varint(in, tag) != 0;
                case 35 -> byteFallback = varint(in, tag) != 0;
                default -> in.skip(tag & 7);
            }
        }
        return new Trainer(modelType, suffix, byteFallback);
    }

    private static String string(ProtoReader in, int tag) throws IOException {
        ProtoReader.expect(tag, ProtoReader.LENGTH_DELIMITED);
        return in.readString();
    }

    private static long varint(ProtoReader in, int tag) throws IOException {
        ProtoReader.expect(tag, ProtoReader.VARINT);
        return in.readVarint();
    }

    private static PieceType pieceType(long number) throws IOException {
        PieceType[] types = PieceType.values();
        if (number < 1 || number > types.length) {
            throw new IOException("unknown piece type " + number);
        }
        return types[(int) number - 1];
    }
}
