package dev.nlen.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run the export: device, CPU threads per session (0 = ONNX Runtime's choice), where to keep ONNX Runtime's
 * optimised graphs so later starts skip graph optimisation, and whether idle intra-op threads spin
 * ({@code session.intra_op.allow_spinning}).
 *
 * @param spinning {@code session.intra_op.allow_spinning}: idle pool threads busy-wait for the next parallel region
 *                 (ONNX Runtime's default, true). Off, they sleep: slightly slower on an idle machine, but no core is
 *                 burnt between steps when the machine is shared (see {@link #DEFAULT_SPINNING})
 */
public record RuntimeOptions(Device device, int intraOpThreads, Optional<Path> optimizedCacheDir, boolean spinning) {

    /** The service's default for {@link #spinning}; measured on 2 cores, see README "CPU settings". */
    public static final boolean DEFAULT_SPINNING = true;

    public RuntimeOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0, not " + intraOpThreads);
        }
    }

    public RuntimeOptions(Device device, int intraOpThreads, Optional<Path> optimizedCacheDir) {
        this(device, intraOpThreads, optimizedCacheDir, DEFAULT_SPINNING);
    }

    public static RuntimeOptions cpu() {
        return new RuntimeOptions(Device.CPU, 0, Optional.empty());
    }
}
