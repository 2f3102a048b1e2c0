package dev.nlen.config;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Gives the C heap back to the system once the translator is idle after decoding. With ONNX Runtime's arena off,
 * tensors are malloc'ed and freed per step, but glibc keeps freed memory in its heaps: measured on the full-size
 * stand-in, a beams-16 batch leaves RSS ~650 MB above its baseline, and {@code malloc_trim(0)} brings it back to the
 * baseline (README "Memory"). Called through the FFM API; a no-op where the C library has no {@code malloc_trim}
 * (musl, macOS). Checks every {@code period} whether a batch ran since the last trim and no work is held.
 */
final class NativeMemoryTrim implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NativeMemoryTrim.class);
    private static final Optional<MethodHandle> MALLOC_TRIM = lookup();

    private final AtomicBoolean decoded = new AtomicBoolean();
    private final ScheduledExecutorService timer;

    /** @param heldWork work queued and running; trimming waits until it is 0 */
    NativeMemoryTrim(LongSupplier heldWork, long periodMillis) {
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("malloc-trim").daemon()
                .factory());
        if (MALLOC_TRIM.isPresent()) {
            timer.scheduleWithFixedDelay(() -> {
                if (heldWork.getAsLong() == 0 && decoded.getAndSet(false)) {
                    trim();
                }
            }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** A batch was decoded: the next idle check trims. */
    void decoded() {
        decoded.set(true);
    }

    /** Whether this C library can trim (glibc). */
    static boolean available() {
        return MALLOC_TRIM.isPresent();
    }

    /** {@code malloc_trim(0)}: true if memory was given back. */
    static boolean trim() {
        try {
            return MALLOC_TRIM.isPresent() && (int) MALLOC_TRIM.get().invokeExact(0L) == 1;
        } catch (Throwable e) {
            LOG.debug("malloc_trim failed", e);
            return false;
        }
    }

    private static Optional<MethodHandle> lookup() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("malloc_trim").map(symbol -> linker.downcallHandle(symbol,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG)));
        } catch (RuntimeException | LinkageError e) { // no native access, or no such C library
            LOG.debugf("malloc_trim not available: %s", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
