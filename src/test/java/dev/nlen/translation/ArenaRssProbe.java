package dev.nlen.translation;

import dev.nlen.batching.BatchListener;
import dev.nlen.batching.BatchPolicy;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.text.ArticleSegmenter;
import dev.nlen.tokenize.TokenizerSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Not a test: a measurement run by hand (README "Memory"), one JVM per setting. RSS after warm-up, the peak while one
 * large batch decodes, and RSS right after and 5 s after it, for ONNX Runtime's arena and memory-pattern settings.
 * Usage: ArenaRssProbe MODEL_DIR ARTICLE SENTENCES BEAMS NEW_TOKENS ARENA(true|false) PATTERN(true|false)
 */
public final class ArenaRssProbe {

    private ArenaRssProbe() {
    }

    public static void main(String[] args) throws Throwable {
        Path model = Path.of(args[0]);
        String text = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        int count = Integer.parseInt(args[2]);
        int beams = Integer.parseInt(args[3]);
        int tokens = Integer.parseInt(args[4]);
        boolean arena = Boolean.parseBoolean(args[5]);
        boolean pattern = Boolean.parseBoolean(args[6]);
        List<String> sentences = new ArticleSegmenter().segment(text).sentences().stream()
                .map(s -> s.textForTranslation(text)).limit(count).toList();
        RuntimeOptions runtime = RuntimeOptions.cpu().withMemory(arena, pattern);
        try (TranslationEngine engine = TranslationEngine.open(new EngineSettings(model, null, null, runtime,
                TokenizerSource.AUTO));
             PooledTranslator pool = new PooledTranslator(engine, BatchPolicy.of(32, 98304, Duration.ZERO),
                     BatchListener.none())) {
            GenerationOptions options = engine.defaults().withNumBeams(beams).withMaxNewTokens(tokens)
                    .withMinNewTokens(tokens);
            pool.translate(List.of("Dit is een test."), engine.defaults());
            long baseline = kb("VmRSS");
            long heapBaseline = Runtime.getRuntime().totalMemory() >> 20;
            long started = System.nanoTime();
            pool.translate(sentences, options);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            long after = kb("VmRSS");
            if (args.length > 7 && args[7].equals("trim")) {
                trim();
            }
            Thread.sleep(5000);
            long idle = kb("VmRSS");
            pool.translate(List.of("Dit is een test."), engine.defaults());
            long afterSmall = kb("VmRSS");
            System.out.printf("RESULT arena=%s pattern=%s malloc_mmap_threshold=%s sentences=%d beams=%d tokens=%d "
                    + "baselineMB=%d peakMB=%d afterMB=%d idle5sMB=%d afterSmallMB=%d heapCommittedMB=%d->%d trim=%s "
                    + "seconds=%d%n",
                    arena, pattern, System.getenv().getOrDefault("MALLOC_MMAP_THRESHOLD_", "-"), sentences.size(),
                    beams, tokens, baseline / 1024, kb("VmHWM") / 1024, after / 1024, idle / 1024,
                    afterSmall / 1024, heapBaseline, Runtime.getRuntime().totalMemory() >> 20, args.length > 7, seconds);
        }
    }

    /** glibc's malloc_trim(0): returns the free memory at the top of every malloc arena to the system. */
    private static void trim() throws Throwable {
        var linker = java.lang.foreign.Linker.nativeLinker();
        var symbol = linker.defaultLookup().find("malloc_trim").orElseThrow();
        var handle = linker.downcallHandle(symbol, java.lang.foreign.FunctionDescriptor.of(
                java.lang.foreign.ValueLayout.JAVA_INT, java.lang.foreign.ValueLayout.JAVA_LONG));
        int released = (int) handle.invokeExact(0L);
    }

    private static long kb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
