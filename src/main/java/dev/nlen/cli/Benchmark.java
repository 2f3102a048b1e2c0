package dev.nlen.cli;

import dev.nlen.generation.GenerationOptions;
import dev.nlen.model.DecoderLayout;
import dev.nlen.model.Device;
import dev.nlen.model.Precision;
import dev.nlen.model.RuntimeOptions;
import dev.nlen.text.ArticleSegmenter;
import dev.nlen.tokenize.TokenizerSource;
import dev.nlen.translation.EngineSettings;
import dev.nlen.translation.SentenceTranslation;
import dev.nlen.translation.PooledTranslator;
import dev.nlen.translation.TranslationEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Throughput figures: sentences/s and generated tokens/s for greedy and beam search at batch 1 and batch N.
 * The sentences are those of an article file, as the service segments it.
 * Usage: Benchmark MODEL_DIR ARTICLE_FILE [fp32|int8] [maxNewTokens] [batch] [rounds] [device] [threads]
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        Logger.getLogger("").setLevel(Level.WARNING);
        Path model = Path.of(args[0]);
        String article = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        List<String> sentences = new ArticleSegmenter().segment(article).sentences().stream()
                .map(s -> s.textForTranslation(article)).toList();
        Precision precision = args.length > 2 ? Precision.valueOf(args[2].toUpperCase()) : null;
        int maxNewTokens = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        Device device = args.length > 6 ? Device.parse(args[6]) : Device.CPU;
        int threads = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        for (int batchSize : new int[] {1, batch}) {
            EngineSettings settings = new EngineSettings(model, precision, (DecoderLayout) null,
                    new RuntimeOptions(device, threads, Optional.empty()), TokenizerSource.AUTO);
            try (TranslationEngine engine = TranslationEngine.open(settings);
                 PooledTranslator pool = PooledTranslator.ofBatchSize(engine, batchSize)) {
                for (int beams : new int[] {1, 6}) {
                    GenerationOptions options = engine.defaults().withNumBeams(beams).withMaxNewTokens(maxNewTokens);
                    pool.translate(sentences.subList(0, Math.min(2, sentences.size())), options); // warm-up
                    report(engine, pool, sentences, options, batchSize, rounds);
                }
            }
        }
    }

    private static void report(TranslationEngine engine, PooledTranslator pool, List<String> sentences,
                               GenerationOptions options, int batchSize, int rounds) {
        long tokens = 0;
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (SentenceTranslation t : pool.translate(new ArrayList<>(sentences), options)) {
                tokens += t.best().targetIds().length;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int count = sentences.size() * rounds;
        System.out.printf("%s beams=%d batch=%-3d sentences=%d tokens=%d time=%.2fs  %.2f sentences/s  %.1f tokens/s%n",
                engine.info().precision(), options.numBeams(), batchSize, count, tokens, seconds, count / seconds,
                tokens / seconds);
    }
}
