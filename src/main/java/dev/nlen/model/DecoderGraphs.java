package dev.nlen.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The decoder half of the export, whichever way it is shipped. Both runs return a {@link OrtSession.Result} holding
 * {@code logits} [rows, T, vocab] and {@code present.{i}.decoder.*}; the run without cache also holds the
 * cross-attention {@code present.{i}.encoder.*} that stays fixed for the whole generation.
 */
sealed interface DecoderGraphs extends AutoCloseable permits MergedDecoder, SplitDecoder {

    /** All of {@code ids} [rows, T] at once, no cache: the first step, or the uncached reference. */
    OrtSession.Result runWithoutCache(OnnxTensor ids, OnnxTensor mask, OnnxTensor hidden) throws OrtException;

    /** One new token per row [rows, 1] on top of the cache; {@code selfKv}, {@code crossKv} by {@link CacheNames#slot}. */
    OrtSession.Result runWithCache(OnnxTensor ids, OnnxTensor mask, OnnxTensor hidden, OnnxTensor[] selfKv,
                                   OnnxTensor[] crossKv) throws OrtException;

    @Override
    void close();
}
