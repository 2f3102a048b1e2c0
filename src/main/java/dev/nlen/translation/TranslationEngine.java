package dev.nlen.translation;

import dev.nlen.generation.GenerationConfigReader;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.generation.Generator;
import dev.nlen.generation.Hypothesis;
import dev.nlen.model.ModelFiles;
import dev.nlen.model.ModelLoadException;
import dev.nlen.model.OnnxSeq2SeqModel;
import dev.nlen.tokenize.MarianTokenizers;
import dev.nlen.tokenize.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;

/**
 * Sentences in, translations out: tokenizer, model and generator for one export folder. Owns the tokenizer and the
 * ONNX sessions; thread-safe, so concurrent callers share one engine. It decodes exactly the batch it is given, in
 * one encoder pass and one search: forming batches (size, work budget, fairness) is {@link PooledTranslator}'s job,
 * the one batching layer.
 */
public final class TranslationEngine implements SentenceTranslator, AutoCloseable {

    private static final Runnable NO_TURNS = () -> { };

    private final Tokenizer tokenizer;
    private final OnnxSeq2SeqModel model;
    private final GenerationOptions defaults;
    private final AlignedDocument.ModelInfo info;
    private final LongAdder steps = new LongAdder();

    private TranslationEngine(Tokenizer tokenizer, OnnxSeq2SeqModel model, GenerationOptions defaults,
                              AlignedDocument.ModelInfo info) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.defaults = defaults;
        this.info = info;
    }

    public static TranslationEngine open(EngineSettings settings) {
        ModelFiles files = ModelFiles.resolve(settings.modelDir(), settings.precision(), settings.layout());
        GenerationOptions defaults = readDefaults(files);
        Tokenizer tokenizer = MarianTokenizers.load(settings.modelDir(), settings.tokenizer());
        try {
            OnnxSeq2SeqModel model = OnnxSeq2SeqModel.load(files, settings.runtime());
            if (tokenizer.vocabSize() != model.config().vocabSize()) {
                model.close();
                throw new ModelLoadException(settings.modelDir(), "the tokenizer has " + tokenizer.vocabSize()
                        + " ids but config.json says vocab_size " + model.config().vocabSize());
            }
            ModelSource source = ModelSource.of(settings.modelDir());
            return new TranslationEngine(tokenizer, model, defaults, new AlignedDocument.ModelInfo(source.id(),
                    source.revision(), files.precision().wireName(), model.device().wireName()));
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    private static GenerationOptions readDefaults(ModelFiles files) {
        try {
            return GenerationConfigReader.read(files.generationConfigJson().orElse(files.configJson()));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(files.generationConfigJson().orElse(files.configJson()), e.getMessage(), e);
        }
    }

    /** Decoding defaults of the export ({@code generation_config.json}). */
    public GenerationOptions defaults() {
        return defaults;
    }

    @Override
    public AlignedDocument.ModelInfo info() {
        return info;
    }

    /** Most source tokens one sentence may have, {@code </s>} included. */
    @Override
    public int maxSourceTokens() {
        return model.config().maxPositionEmbeddings();
    }

    /** Source ids of a sentence, {@code </s>} included. */
    public long[] encode(String sentence) {
        return tokenizer.encode(sentence);
    }

    @Override
    public int countTokens(String sentence) {
        return tokenizer.encode(sentence).length;
    }

    /** The text of source ids (for pre-tokenised input). */
    public String decodeSource(long[] ids) {
        return tokenizer.decode(ids);
    }

    /** Decoding steps taken so far by every batch (one step feeds one token to each row of a batch). */
    public long decodingSteps() {
        return steps.sum();
    }

    /** These sentences as one batch (see the class comment: the caller bounds its size). */
    @Override
    public List<SentenceTranslation> translate(List<String> sentences, GenerationOptions options) {
        List<long[]> ids = sentences.stream().map(tokenizer::encode).toList();
        return translate(sentences, ids, options);
    }

    /**
     * Pre-tokenised input: ids fed to the model as they are ({@code </s>} included by the caller); the source text
     * reported is their decoding.
     */
    public List<SentenceTranslation> translateIds(List<long[]> sourceIds, GenerationOptions options) {
        return translate(sourceIds.stream().map(tokenizer::decode).toList(), sourceIds, options);
    }

    /** Sentences already encoded with {@link #encode}: the pool tokenizes on the caller's thread. */
    public List<SentenceTranslation> translate(List<String> sources, List<long[]> ids, GenerationOptions options) {
        return translate(sources, ids, options, sentence -> false);
    }

    /**
     * As above; sentence {@code i} leaves decoding at the next step once {@code stopped.test(i)} (its request was
     * cancelled or timed out), and its translation then has no candidates.
     */
    public List<SentenceTranslation> translate(List<String> sources, List<long[]> ids, GenerationOptions options,
                                               IntPredicate stopped) {
        return translate(sources, ids, options, stopped, NO_TURNS);
    }

    /**
     * As above, one batch; {@code betweenSteps} runs before the encoder pass and before every decoding step, on this
     * thread (the scheduler passes the turn to another batch in flight there).
     */
    public List<SentenceTranslation> translate(List<String> sources, List<long[]> ids, GenerationOptions options,
                                               IntPredicate stopped, Runnable betweenSteps) {
        Generator generator = new Generator(new SteppedModel(model, betweenSteps, steps));
        List<List<Hypothesis>> results = generator.generateBatch(ids, options, stopped);
        List<SentenceTranslation> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            List<SentenceTranslation.Candidate> candidates = new ArrayList<>();
            for (Hypothesis h : results.get(i)) {
                candidates.add(new SentenceTranslation.Candidate(tokenizer.decode(h.tokens()), h.tokens(), h.score()));
            }
            out.add(new SentenceTranslation(sources.get(i), ids.get(i), candidates));
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }
}
