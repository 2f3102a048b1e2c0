package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The Marian export on ONNX Runtime: owns every session (encoder, decoder graphs, row gathers) and closes them
 * together. Thread-safe: sessions are shared, each generation gets its own {@link DecoderSession}.
 */
public final class OnnxSeq2SeqModel implements Seq2SeqModel {

    private final OrtEnvironment env;
    private final ModelFiles files;
    private final ModelConfig config;
    private final Device device;
    private final OrtSession encoder;
    private final DecoderGraphs decoder;
    private final RowGather statesGather;
    private final RowGather selfGather;
    private final RowGather allGather;
    private final RuntimeRanker ranker;

    private OnnxSeq2SeqModel(OrtEnvironment env, ModelFiles files, ModelConfig config, SessionFactory sessions,
                             List<AutoCloseable> opened) throws OrtException {
        this.env = env;
        this.files = files;
        this.config = config;
        this.device = sessions.device();
        this.encoder = track(opened, sessions.open(files.encoder()));
        GraphContract.encoder().check(encoder, files.encoder());
        this.decoder = track(opened, openDecoder(sessions, opened));
        this.statesGather = track(opened, new RowGather(env, List.of(GatherGraph.FLOAT, GatherGraph.INT64),
                sessions.cpuArena()));
        this.selfGather = track(opened, new RowGather(env, Collections.nCopies(2 * layers(), GatherGraph.FLOAT),
                sessions.cpuArena()));
        List<Integer> all = new ArrayList<>(List.of(GatherGraph.FLOAT, GatherGraph.INT64));
        all.addAll(Collections.nCopies(4 * layers(), GatherGraph.FLOAT));
        this.allGather = track(opened, new RowGather(env, all, sessions.cpuArena()));
        this.ranker = track(opened, new RuntimeRanker(env, sessions.intraOpThreads(), sessions.spinning(),
                sessions.cpuArena()));
    }

    /** Loads and validates the export; on any failure closes what was opened and names the file at fault. */
    public static OnnxSeq2SeqModel load(ModelFiles files, RuntimeOptions options) {
        ModelConfig config = ModelConfig.read(files.configJson());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            return new OnnxSeq2SeqModel(env, files, config, new SessionFactory(env, options), opened);
        } catch (OrtException | RuntimeException e) {
            CloseAll.closeInto(e, opened.reversed());
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new ModelLoadException(files.dir(), "cannot load: " + e.getMessage(), e);
        }
    }

    private DecoderGraphs openDecoder(SessionFactory sessions, List<AutoCloseable> opened) throws OrtException {
        int layers = layers();
        if (files.layout() == DecoderLayout.MERGED) {
            OrtSession merged = track(opened, sessions.open(files.mergedDecoder()));
            GraphContract.decoder(layers, true, true, true, true).check(merged, files.mergedDecoder());
            checkVocab(merged, files.mergedDecoder());
            opened.remove(merged);
            return new MergedDecoder(env, merged, layers, config.decoderHeads(), config.headDim());
        }
        OrtSession first = track(opened, sessions.open(files.firstStepDecoder()));
        GraphContract.decoder(layers, true, false, true, false).check(first, files.firstStepDecoder());
        checkVocab(first, files.firstStepDecoder());
        OrtSession withPast = track(opened, sessions.open(files.withPastDecoder()));
        GraphContract.decoder(layers, false, true, false, false).check(withPast, files.withPastDecoder());
        checkVocab(withPast, files.withPastDecoder());
        opened.remove(first);
        opened.remove(withPast);
        return new SplitDecoder(first, withPast, layers);
    }

    private void checkVocab(OrtSession session, java.nio.file.Path file) throws OrtException {
        long vocab = GraphContract.lastDim(session, "logits");
        if (vocab > 0 && vocab != config.vocabSize()) {
            throw new ModelLoadException(file, "logits have " + vocab + " entries but config.json says vocab_size "
                    + config.vocabSize());
        }
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> opened, T resource) {
        opened.add((AutoCloseable) resource);
        return resource;
    }

    private int layers() {
        return config.decoderLayers();
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    public ModelFiles files() {
        return files;
    }

    public Precision precision() {
        return files.precision();
    }

    /** The device the sessions run on (never {@code AUTO}). */
    public Device device() {
        return device;
    }

    @Override
    public EncodedBatch encode(long[][] inputIds, long[][] attentionMask) {
        for (long[] row : inputIds) {
            if (row.length > config.maxPositionEmbeddings()) {
                throw new IllegalArgumentException("a source of " + row.length + " tokens exceeds the model's "
                        + config.maxPositionEmbeddings() + " positions");
            }
        }
        try (OnnxTensor ids = Tensors.int64(env, inputIds)) {
            OnnxTensor mask = Tensors.int64(env, attentionMask);
            try {
                return new OnnxEncodedBatch(mask, encoder.run(Map.of("input_ids", ids, "attention_mask", mask)));
            } catch (OrtException | RuntimeException e) {
                mask.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("encoder failed: " + e.getMessage(), e);
        }
    }

    @Override
    public DecoderSession startDecoding(EncodedBatch encoded) {
        return new OnnxDecoderSession(env, decoder, statesGather, selfGather, allGather, ranker, layers(),
                config.vocabSize(), (OnnxEncodedBatch) encoded);
    }

    /**
     * Reference path without any cache: the whole prefix [rows][T] through the first-step graph, returning the last
     * position's logits. Tests compare it with cached decoding.
     */
    public float[][] uncachedLogits(EncodedBatch encoded, long[][] prefix) {
        OnnxEncodedBatch batch = (OnnxEncodedBatch) encoded;
        try (OnnxTensor ids = Tensors.int64(env, prefix);
             OrtSession.Result result = decoder.runWithoutCache(ids, batch.mask(), batch.hidden(), null)) {
            return Tensors.lastPositionRows((OnnxTensor) result.get("logits").orElseThrow());
        } catch (OrtException e) {
            throw new IllegalStateException("decoder failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        CloseAll.close(ranker, allGather, selfGather, statesGather, decoder, encoder);
    }
}
