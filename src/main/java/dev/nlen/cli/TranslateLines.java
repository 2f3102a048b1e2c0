package dev.nlen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.translation.SentenceTranslation;
import dev.nlen.translation.PooledTranslator;
import dev.nlen.translation.TranslationEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Batch mode: Dutch sentences on stdin, one per line (or, with --ids-in, JSON arrays of source ids), one JSON
 * object per line on stdout, in input order. Errors: one line on stderr, exit 2 for arguments, 1 otherwise.
 */
@Command(name = "translate-lines", mixinStandardHelpOptions = true, version = "nlen-translator 0.1.0",
        description = "Dutch sentences on stdin (one per line), one JSON object per line on stdout: source, "
                + "translation, source_ids, target_ids, score.")
public final class TranslateLines implements Callable<Integer> {

    /** Lines translated per round: bounds memory on long inputs while keeping batches full. */
    private static final int CHUNK = 1024;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--ids-in", description = "Each line is a JSON array of source token ids, </s> included")
    boolean idsIn;

    public static void main(String[] args) {
        System.exit(Commands.execute(new TranslateLines(), args));
    }

    @Override
    public Integer call() throws IOException {
        try (TranslationEngine engine = TranslationEngine.open(engineOptions.engine());
             PooledTranslator pool = PooledTranslator.ofBatchSize(engine, engineOptions.batchSize())) {
            run(pool, engineOptions.options(engine.defaults()), idsIn, System.out);
        }
        return 0;
    }

    static void run(PooledTranslator engine, GenerationOptions options, boolean idsIn, PrintStream out)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String> chunk = new ArrayList<>();
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            chunk.add(line);
            if (chunk.size() == CHUNK) {
                write(translate(engine, chunk, idsIn, options, json, lineNumber), json, out);
                lineNumber += chunk.size();
                chunk.clear();
            }
        }
        write(translate(engine, chunk, idsIn, options, json, lineNumber), json, out);
        out.flush();
    }

    private static List<SentenceTranslation> translate(PooledTranslator engine, List<String> lines, boolean idsIn,
                                                       GenerationOptions options, ObjectMapper json, int firstLine) {
        if (!idsIn) {
            return engine.translate(lines, options);
        }
        List<long[]> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                ids.add(json.readValue(lines.get(i), long[].class));
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + (firstLine + i + 1) + ": not a JSON array of token ids");
            }
        }
        return engine.translateIds(ids, options);
    }

    private static void write(List<SentenceTranslation> translations, ObjectMapper json, PrintStream out)
            throws IOException {
        for (SentenceTranslation t : translations) {
            SentenceTranslation.Candidate best = t.best();
            ObjectNode line = json.createObjectNode();
            line.put("source", t.source());
            line.put("translation", best.text());
            line.set("source_ids", json.valueToTree(t.sourceIds()));
            line.set("target_ids", json.valueToTree(best.targetIds()));
            line.put("score", best.score());
            out.println(json.writeValueAsString(line));
        }
    }
}
