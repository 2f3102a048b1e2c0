package dev.nlen.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Opens ONNX Runtime sessions on the chosen device. Decides the device once (so it is logged once), and when a
 * cache folder is configured, stores each optimised graph there and reopens it without optimising again.
 */
final class SessionFactory {

    private static final Logger LOG = Logger.getLogger(SessionFactory.class.getName());

    /** System property: a file prefix under which ONNX Runtime writes each model session's operator profile. */
    static final String PROFILE_PROPERTY = "nlen.ort.profile";

    private final OrtEnvironment env;
    private final RuntimeOptions options;
    private final Device device;

    SessionFactory(OrtEnvironment env, RuntimeOptions options) {
        this.env = env;
        this.options = options;
        this.device = chooseDevice(options.device());
        LOG.info(() -> "ONNX Runtime " + env.getVersion() + " on " + device.wireName()
                + (options.intraOpThreads() > 0 ? ", " + options.intraOpThreads() + " intra-op threads" : "")
                + (options.spinning() ? "" : ", no spinning"));
    }

    int intraOpThreads() {
        return options.intraOpThreads();
    }

    boolean spinning() {
        return options.spinning();
    }

    /** Whether sessions use ONNX Runtime's CPU arena (every session of the model, the helper graphs too). */
    boolean cpuArena() {
        return options.cpuArena();
    }

    /** The device actually used: never {@code AUTO}. */
    Device device() {
        return device;
    }

    OrtSession open(Path graph) {
        try (SessionOptions so = new SessionOptions()) {
            if (options.intraOpThreads() > 0) {
                so.setIntraOpNumThreads(options.intraOpThreads());
            }
            so.addConfigEntry("session.intra_op.allow_spinning", options.spinning() ? "1" : "0");
            so.setCPUArenaAllocator(options.cpuArena());
            so.setMemoryPatternOptimization(options.memoryPattern());
            String profile = System.getProperty(PROFILE_PROPERTY);
            if (profile != null && !profile.isBlank()) { // diagnostics: ORT's per-operator timings, one JSON a session
                so.enableProfiling(profile + "-" + graph.getFileName().toString().replace(".onnx", ""));
            }
            if (device == Device.CUDA) {
                so.addCUDA(0);
            }
            Path source = graph;
            if (options.optimizedCacheDir().isPresent()) {
                Path cached = cachedGraph(options.optimizedCacheDir().get(), graph);
                if (Files.isRegularFile(cached)) {
                    so.setOptimizationLevel(OptLevel.NO_OPT);
                    source = cached;
                } else {
                    so.setOptimizationLevel(OptLevel.ALL_OPT);
                    so.setOptimizedModelFilePath(cached.toString());
                }
            } else {
                so.setOptimizationLevel(OptLevel.ALL_OPT);
            }
            return env.createSession(source.toString(), so);
        } catch (OrtException e) {
            throw new ModelLoadException(graph, "ONNX Runtime cannot load it: " + e.getMessage(), e);
        }
    }

    /** One cached file per source graph, size, modification time and device: a changed model is never mixed up. */
    private Path cachedGraph(Path cacheDir, Path graph) {
        try {
            Files.createDirectories(cacheDir);
            String key = graph.toAbsolutePath().normalize().toString().hashCode() + "-" + Files.size(graph) + "-"
                    + Files.getLastModifiedTime(graph).toMillis() + "-" + device.wireName();
            return cacheDir.resolve(graph.getFileName().toString().replace(".onnx", "") + "." + key + ".ort.onnx");
        } catch (IOException e) {
            throw new ModelLoadException(cacheDir, "cannot use as optimised-model cache: " + e.getMessage(), e);
        }
    }

    private Device chooseDevice(Device wanted) {
        boolean cudaPresent = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        return switch (wanted) {
            case CPU -> Device.CPU;
            case CUDA -> {
                if (!cudaPresent) {
                    throw new IllegalStateException("device 'cuda' requested but this ONNX Runtime has no CUDA "
                            + "execution provider (build with -Pcuda and install CUDA 12 + cuDNN 9), providers: "
                            + OrtEnvironment.getAvailableProviders());
                }
                yield Device.CUDA;
            }
            case AUTO -> cudaPresent && cudaUsable() ? Device.CUDA : Device.CPU;
        };
    }

    /** The GPU build lists CUDA even on a machine without a GPU or CUDA libraries: try to attach it. */
    private static boolean cudaUsable() {
        try (SessionOptions probe = new SessionOptions()) {
            probe.addCUDA(0);
            return true;
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.info(() -> "CUDA execution provider not usable, using the CPU: " + e.getMessage());
            return false;
        }
    }
}
