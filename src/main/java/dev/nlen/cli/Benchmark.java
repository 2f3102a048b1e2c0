package dev.nlen.cli;

import dev.nlen.generation.GenerationOptions;
import dev.nlen.generation.LengthGuard;
import dev.nlen.model.DecoderLayout;
import dev.nlen.model.Device;
import dev.nlen.model.Precision;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.text.ArticleSegmenter;
import dev.nlen.tokenize.TokenizerSource;
import dev.nlen.translation.EngineSettings;
import dev.nlen.translation.SentenceTranslation;
import dev.nlen.translation.TranslationEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput of one precision in one JVM: for each beam width, batch size and length mode, generated tokens/s and
 * sentences/s over an article's sentences (segmented as the service does). Batches are formed here, longest
 * sentences first, as the scheduler forms them; the engine decodes each batch as given. One tab-separated line per
 * setting on stdout ({@code row ...}), then {@code load} (ms to open the engine) and {@code rss} (peak resident
 * memory of this JVM, VmHWM). {@code --ids-out} writes every setting's generated ids, for comparing precisions.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, version = "nlen-translator 0.1.0",
        description = "Generated tokens/s and sentences/s for one precision, tab-separated rows on stdout.")
public final class Benchmark implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The export folder")
    Path model;

    @Option(names = "--article", required = true, paramLabel = "FILE", description = "Dutch article (UTF-8)")
    Path article;

    @Option(names = "--precision", defaultValue = "fp32", paramLabel = "fp32|int8", description = "Default: fp32")
    String precision;

    @Option(names = "--layout", defaultValue = "auto", paramLabel = "auto|merged|split", description = "Default: auto")
    String layout;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda|auto", description = "Default: cpu")
    String device;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Intra-op threads, 0 = ORT's")
    int threads;

    @Option(names = "--spinning", defaultValue = "default", paramLabel = "on|off|default",
            description = "session.intra_op.allow_spinning; default = the service's")
    String spinning;

    @Option(names = "--cpu-arena", defaultValue = "false", paramLabel = "true|false",
            description = "ONNX Runtime's CPU arena; default false, as the service (translator.runtime.cpu-arena)")
    boolean cpuArena;

    @Option(names = "--beams", defaultValue = "1,4,0", split = ",", paramLabel = "N,...",
            description = "Beam widths; 0 = generation_config.json's num_beams. Default: 1,4,0")
    List<Integer> beams;

    @Option(names = "--batches", defaultValue = "1,32", split = ",", paramLabel = "N,...", description = "Default: 1,32")
    List<Integer> batches;

    @Option(names = "--lengths", defaultValue = "forced,natural", split = ",", paramLabel = "forced|natural",
            description = "forced = exactly --forced-tokens new tokens (min = max); natural = the model's own stop "
                    + "(generation_config.json and the service's length guard, 3 x + 10). Default: forced,natural")
    List<String> lengths;

    @Option(names = "--forced-tokens", defaultValue = "32", paramLabel = "N", description = "Default: 32")
    int forcedTokens;

    @Option(names = "--batch1-sentences", defaultValue = "0", paramLabel = "N",
            description = "At batch 1 only the first N sentences (time bound); 0 = all")
    int batch1Sentences;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N",
            description = "Batches decoded at the same time on one shared engine, as the service's workers. Default: 1")
    int workers;

    @Option(names = "--ids-out", paramLabel = "FILE", description = "Write each setting's output ids here")
    Path idsOut;

    @Option(names = "--sources-out", paramLabel = "FILE", description = "Write the source ids (JSON lines) here")
    Path sourcesOut;

    public static void main(String[] args) {
        System.exit(Commands.execute(new Benchmark(), args));
    }

    @Override
    public Integer call() throws IOException {
        String text = Files.readString(article, StandardCharsets.UTF_8);
        List<String> sentences = new ArticleSegmenter().segment(text).sentences().stream()
                .map(s -> s.textForTranslation(text)).toList();
        long started = System.nanoTime();
        try (TranslationEngine engine = TranslationEngine.open(settings())) {
            long loadMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(Locale.ROOT, "memory\tloaded\t%d\t%d%n", memoryMb("VmHWM:"), memoryMb("VmRSS:"));
            List<long[]> ids = sentences.stream().map(engine::encode).toList();
            if (sourcesOut != null) {
                Files.write(sourcesOut, ids.stream().map(Benchmark::json).toList(), StandardCharsets.UTF_8);
            }
            // longest first, as the scheduler sorts: batches pad little
            Integer[] order = new Integer[ids.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingInt((Integer i) -> ids.get(i).length).reversed());
            List<String> idLines = new ArrayList<>();
            PrintStream out = System.out;
            // warm-up: both graphs, the ranking path, the JIT; short, so the measured rows dominate the run
            engine.translate(sentences.subList(0, Math.min(2, sentences.size())),
                    engine.defaults().withNumBeams(2).withMaxNewTokens(8));
            for (String mode : lengths) {
                for (int width : beams) {
                    for (int batch : batches) {
                        GenerationOptions options = options(engine.defaults(), width, mode);
                        List<Integer> chosen = batch == 1 && batch1Sentences > 0
                                ? java.util.stream.IntStream.range(0, Math.min(batch1Sentences, ids.size())).boxed()
                                .toList() : Arrays.asList(order);
                        row(engine, ids, chosen, options, batch, mode, idLines, out, workers);
                        System.err.printf(Locale.ROOT, "memory after row: VmRSS %d MiB, VmHWM %d MiB%n",
                                memoryMb("VmRSS:"), memoryMb("VmHWM:"));
                    }
                }
            }
            out.printf(Locale.ROOT, "load\t%s\t%d%n", engine.info().precision(), loadMillis);
            out.printf(Locale.ROOT, "rss\t%s\t%d%n", engine.info().precision(), peakRssMb());
            out.printf(Locale.ROOT, "memory\tdone\t%d\t%d\theap-used=%d%n", memoryMb("VmHWM:"), memoryMb("VmRSS:"),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            if (idsOut != null) {
                Files.write(idsOut, idLines, StandardCharsets.UTF_8);
            }
        }
        return 0;
    }

    private EngineSettings settings() {
        Precision p = Precision.valueOf(precision.toUpperCase(Locale.ROOT));
        DecoderLayout l = layout.equals("auto") ? null : DecoderLayout.valueOf(layout.toUpperCase(Locale.ROOT));
        boolean spin = switch (spinning) {
            case "on" -> true;
            case "off" -> false;
            case "default" -> RuntimeOptions.DEFAULT_SPINNING;
            default -> throw new UsageException("--spinning must be on, off or default, not " + spinning);
        };
        return new EngineSettings(model, p, l, new RuntimeOptions(Device.parse(device), threads, Optional.empty(),
                spin).withMemory(cpuArena, RuntimeOptions.DEFAULT_MEMORY_PATTERN), TokenizerSource.AUTO);
    }

    private GenerationOptions options(GenerationOptions defaults, int width, String mode) {
        GenerationOptions options = width > 0 ? defaults.withNumBeams(width) : defaults;
        return switch (mode) {
            case "forced" -> options.withMaxNewTokens(forcedTokens).withMinNewTokens(forcedTokens);
            case "natural" -> options.withLengthGuard(LengthGuard.DEFAULT); // where the service stops a sentence
            default -> throw new UsageException("--lengths takes forced and natural, not " + mode);
        };
    }

    private static void row(TranslationEngine engine, List<long[]> ids, List<Integer> chosen,
                            GenerationOptions options, int batch, String mode, List<String> idLines,
                            PrintStream out, int workers) {
        List<List<Integer>> parts = new ArrayList<>();
        for (int from = 0; from < chosen.size(); from += batch) {
            parts.add(chosen.subList(from, Math.min(chosen.size(), from + batch)));
        }
        String key = engine.info().precision() + "\t" + options.numBeams() + "\t" + batch + "\t" + mode;
        long[][] targets = new long[ids.size()][];
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            for (int n = next.getAndIncrement(); n < parts.size(); n = next.getAndIncrement()) {
                List<long[]> sources = parts.get(n).stream().map(ids::get).toList();
                List<SentenceTranslation> done = engine.translate(sources.stream().map(s -> "").toList(), sources,
                        options);
                for (int j = 0; j < sources.size(); j++) {
                    targets[parts.get(n).get(j)] = done.get(j).best().targetIds();
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().name("bench-worker-" + w).start(worker));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long tokens = 0;
        for (int i : chosen) {
            tokens += targets[i].length;
            idLines.add(key + "\t" + i + "\t" + json(targets[i]));
        }
        out.printf(Locale.ROOT, "row\t%s\t%d\t%d\t%s\t%d\t%d\t%.3f\t%.1f\t%.2f%n", engine.info().precision(),
                options.numBeams(), batch, mode, chosen.size(), tokens, seconds, tokens / seconds,
                chosen.size() / seconds);
        out.flush();
    }

    private static String json(long[] ids) {
        return Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(",", "[", "]"));
    }

    /** VmHWM of this process in MiB (Linux); -1 elsewhere. */
    static long peakRssMb() {
        return memoryMb("VmHWM:");
    }

    /** A /proc/self/status memory line in MiB (Linux); -1 elsewhere. */
    static long memoryMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
