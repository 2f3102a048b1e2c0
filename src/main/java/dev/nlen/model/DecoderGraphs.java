package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The decoder half of the export, whichever way it is shipped. Both runs return a {@link OrtSession.Result} holding
 * {@code logits} [rows, T, vocab] and {@code present.{i}.decoder.*}; the run without cache also holds the
 * cross-attention {@code present.{i}.encoder.*} that stays fixed for the whole generation.
 */
sealed interface DecoderGraphs extends AutoCloseable permits MergedDecoder, SplitDecoder {

    /**
     * All of {@code ids} [rows, T] at once, no cache: the first step, or the uncached reference. With {@code logits}
     * not null ONNX Runtime writes the logits into it (a tensor over a reused direct buffer) and the result lacks them.
     */
    OrtSession.Result runWithoutCache(OnnxTensor ids, OnnxTensor mask, OnnxTensor hidden, OnnxTensor logits)
            throws OrtException;

    /** One new token per row [rows, 1] on top of the cache; {@code selfKv}, {@code crossKv} by {@link CacheNames#slot}. */
    OrtSession.Result runWithCache(OnnxTensor ids, OnnxTensor mask, OnnxTensor hidden, OnnxTensor[] selfKv,
                                   OnnxTensor[] crossKv, OnnxTensor logits) throws OrtException;

    /** Runs with the logits pinned into {@code logits} when given, every other output allocated by the runtime. */
    static OrtSession.Result run(OrtSession session, Map<String, OnnxTensor> inputs, OnnxTensor logits)
            throws OrtException {
        if (logits == null) {
            return session.run(inputs);
        }
        Set<String> others = new LinkedHashSet<>(session.getOutputNames());
        others.remove("logits");
        return session.run(inputs, others, Map.of("logits", logits));
    }

    @Override
    void close();
}
