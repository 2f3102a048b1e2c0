package dev.nlen.model;

/** Encoder states of one batch: opaque to callers, owned by whoever holds it until a decoder session takes it. */
public interface EncodedBatch extends AutoCloseable {

    int rows();

    @Override
    void close();
}
