package dev.nlen.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Closing sessions, whose {@code close} throws a checked exception. */
final class Sessions {

    private Sessions() {
    }

    /** Closes every session even when one fails; the first failure is thrown, the others suppressed into it. */
    static void close(OrtSession... sessions) {
        IllegalStateException failure = null;
        for (OrtSession session : sessions) {
            try {
                session.close();
            } catch (OrtException | RuntimeException e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing an ONNX Runtime session failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
