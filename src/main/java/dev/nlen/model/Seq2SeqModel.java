package dev.nlen.model;

/**
 * An encoder-decoder that turns padded source ids into next-token logits. Search strategies talk to it only through
 * this interface and {@link DecoderSession}, so they can be tested on a scripted fake as well as on ONNX graphs.
 */
public interface Seq2SeqModel extends AutoCloseable {

    ModelConfig config();

    /** Runs the encoder. {@code inputIds} and {@code attentionMask} are [batch][sourceLength], padded and masked. */
    EncodedBatch encode(long[][] inputIds, long[][] attentionMask);

    /** A decoding session over these encoder states (one row per batch row); takes ownership of {@code encoded}. */
    DecoderSession startDecoding(EncodedBatch encoded);

    @Override
    void close();
}
