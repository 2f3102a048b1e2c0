package dev.nlen.tokenize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The SPM path: source.spm + vocab.json (+ target.spm), i.e. the tokenization the model was trained with.
 *
 * <p>The Rust Unigram vocab is positional, so it is laid out on vocab.json's ids: each normal source piece sits at
 * its vocab.json id with its own source score; every other id (target-only pieces, specials, control pieces) gets
 * a placeholder no text can match, with score 0 so it cannot lower the unknown penalty (min score − 10); source
 * pieces that vocab.json lacks go after the vocab and come out as {@code <unk>}.
 */
final class SpmTokenizerFactory {

    static final String SOURCE_SPM = "source.spm";
    static final String TARGET_SPM = "target.spm";
    static final String VOCAB_JSON = "vocab.json";

    private SpmTokenizerFactory() {}

    static MarianTokenizer create(Path modelDir) {
        Path sourceFile = modelDir.resolve(SOURCE_SPM);
        SentencePieceModel source = SentencePieceModel.read(sourceFile);
        checkEncoderKind(source, sourceFile);
        Vocabulary vocab = Vocabulary.fromVocabJson(modelDir.resolve(VOCAB_JSON));
        SpecialTokens specials = SpecialTokens.read(modelDir, Set.of());
        int unkId = requiredId(vocab, specials.unk(), modelDir);
        int eosId = requiredId(vocab, specials.eos(), modelDir);

        Layout layout = layout(source, vocab, specials, sourceFile);
        SentencePieceModel.Normalizer spec = source.normalizer();
        UnaryOperator<String> characters = spec.precompiledCharsmap().length == 0 ? UnaryOperator.identity()
                : PrecompiledCharsmap.parse(spec.precompiledCharsmap(), sourceFile)::normalize;
        var whitespace = new SentencePieceWhitespace(
                spec.removeExtraWhitespaces(), spec.addDummyPrefix(), spec.escapeWhitespaces());
        UnaryOperator<String> normalizer = text -> whitespace.apply(characters.apply(text));
        String json = UnigramTokenizerJson.build(layout.pieces(), layout.scores(), unkId);
        TargetDecoder decoder = new TargetDecoder(vocab.pieces(), invisibleIds(modelDir, vocab, specials),
                specials.cleanUpTokenizationSpaces());
        return new MarianTokenizer(RustTokenizers.fromJson(json, sourceFile), vocab, unkId, eosId,
                new SpecialTokenSplitter(List.copyOf(specials.all())), normalizer, decoder);
    }

    /** The Rust Unigram vocab: index = id, placeholders where nothing may match. */
    private record Layout(String[] pieces, double[] scores) {}

    private static Layout layout(SentencePieceModel source, Vocabulary vocab, SpecialTokens specials, Path sourceFile) {
        List<SentencePieceModel.Piece> slots = new ArrayList<>(Arrays.asList(new SentencePieceModel.Piece[vocab.size()]));
        for (SentencePieceModel.Piece piece : source.pieces()) {
            if (!isMatchable(piece, specials)) {
                continue;
            }
            if (!Float.isFinite(piece.score())) {
                throw new TokenizerLoadException(sourceFile, "piece \"" + piece.piece() + "\" has score " + piece.score());
            }
            Integer id = vocab.ids().get(piece.piece());
            if (id != null && slots.get(id) == null) {
                slots.set(id, piece);
            } else {
                slots.add(piece); // past the vocab: mapped back to <unk> by string lookup
            }
        }
        String[] pieces = new String[slots.size()];
        double[] scores = new double[slots.size()];
        for (int id = 0; id < pieces.length; id++) {
            SentencePieceModel.Piece piece = slots.get(id);
            pieces[id] = piece != null ? piece.piece() : UnigramTokenizerJson.placeholder(id);
            scores[id] = piece != null ? piece.score() : 0.0;
        }
        return new Layout(pieces, scores);
    }

    /** Pieces SentencePiece can emit while encoding: normal and user-defined ones that are not special tokens. */
    private static boolean isMatchable(SentencePieceModel.Piece piece, SpecialTokens specials) {
        return (piece.type() == SentencePieceModel.PieceType.NORMAL
                || piece.type() == SentencePieceModel.PieceType.USER_DEFINED)
                && !specials.all().contains(piece.piece());
    }

    private static void checkEncoderKind(SentencePieceModel model, Path file) {
        SentencePieceModel.Trainer trainer = model.trainer();
        if (trainer.modelType() != SentencePieceModel.Trainer.UNIGRAM) {
            throw new TokenizerLoadException(file, "only Unigram SentencePiece models are supported, model_type is "
                    + trainer.modelType());
        }
        if (trainer.treatWhitespaceAsSuffix() || trainer.byteFallback()) {
            throw new TokenizerLoadException(file, "treat_whitespace_as_suffix and byte_fallback are not supported");
        }
    }

    static int requiredId(Vocabulary vocab, String token, Path modelDir) {
        int id = vocab.idOf(token, -1);
        if (id < 0) {
            throw new TokenizerLoadException(modelDir.resolve(VOCAB_JSON), "special token " + token + " is not in the vocabulary");
        }
        return id;
    }

    /** Special ids, plus target.spm's control pieces, which SentencePiece decodes to nothing. */
    private static boolean[] invisibleIds(Path modelDir, Vocabulary vocab, SpecialTokens specials) {
        boolean[] invisible = new boolean[vocab.size()];
        for (String token : specials.all()) {
            Integer id = vocab.ids().get(token);
            if (id != null) {
                invisible[id] = true;
            }
        }
        Path targetFile = modelDir.resolve(TARGET_SPM);
        if (Files.exists(targetFile)) {
            for (SentencePieceModel.Piece piece : SentencePieceModel.read(targetFile).pieces()) {
                Integer id = vocab.ids().get(piece.piece());
                if (id != null && piece.type() == SentencePieceModel.PieceType.CONTROL) {
                    invisible[id] = true;
                }
            }
        }
        return invisible;
    }
}
