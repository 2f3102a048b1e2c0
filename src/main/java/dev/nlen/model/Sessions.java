package dev.nlen.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Closing sessions, whose {@code close} throws a checked exception. */
final class Sessions {

    private Sessions() {
    }

    static void close(OrtSession... sessions) {
        for (OrtSession session : sessions) {
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("closing an ONNX Runtime session failed", e);
            }
        }
    }
}
