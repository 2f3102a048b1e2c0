package dev.nlen.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run the export: device, CPU threads per session (0 = ONNX Runtime's choice), and where to keep
 * ONNX Runtime's optimised graphs so later starts skip graph optimisation.
 */
public record RuntimeOptions(Device device, int intraOpThreads, Optional<Path> optimizedCacheDir) {

    public RuntimeOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0, not " + intraOpThreads);
        }
    }

    public static RuntimeOptions cpu() {
        return new RuntimeOptions(Device.CPU, 0, Optional.empty());
    }
}
