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
 * @param cpuArena      ONNX Runtime's CPU memory arena ({@code SessionOptions.setCPUArenaAllocator}): it keeps the peak
 *                      of every tensor size ever used, so the RSS of one large batch stays; off, tensors go back to
 *                      the C allocator (see {@link #DEFAULT_CPU_ARENA}, measured in the README's "Memory")
 * @param memoryPattern ONNX Runtime's memory-pattern planning ({@code setMemoryPatternOptimization}), which
 *                      pre-plans one block per input shape
 */
public record RuntimeOptions(Device device, int intraOpThreads, Optional<Path> optimizedCacheDir, boolean spinning,
                             boolean cpuArena, boolean memoryPattern) {

    /** The service's default for {@link #spinning}; measured on 2 cores, see README "CPU settings". */
    public static final boolean DEFAULT_SPINNING = true;

    public RuntimeOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0, not " + intraOpThreads);
        }
    }

    /** The service's defaults for {@link #cpuArena} and {@link #memoryPattern}: see the README's "Memory". */
    public static final boolean DEFAULT_CPU_ARENA = true;
    public static final boolean DEFAULT_MEMORY_PATTERN = true;

    public RuntimeOptions(Device device, int intraOpThreads, Optional<Path> optimizedCacheDir, boolean spinning) {
        this(device, intraOpThreads, optimizedCacheDir, spinning, DEFAULT_CPU_ARENA, DEFAULT_MEMORY_PATTERN);
    }

    public RuntimeOptions(Device device, int intraOpThreads, Optional<Path> optimizedCacheDir) {
        this(device, intraOpThreads, optimizedCacheDir, DEFAULT_SPINNING);
    }

    public RuntimeOptions withMemory(boolean arena, boolean pattern) {
        return new RuntimeOptions(device, intraOpThreads, optimizedCacheDir, spinning, arena, pattern);
    }

    public static RuntimeOptions cpu() {
        return new RuntimeOptions(Device.CPU, 0, Optional.empty());
    }
}
