package dev.nlen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.translation.SentenceTranslation;
import dev.nlen.translation.TranslationEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Batch mode: Dutch sentences on stdin, one per line (or, with --ids-in, JSON arrays of source ids), one JSON
 * object per line on stdout, in input order. Errors: one line on stderr, exit 2 for arguments, 1 otherwise.
 */
public final class TranslateLines {

    /** Lines translated per round: bounds memory on long inputs while keeping batches full. */
    private static final int CHUNK = 1024;

    private TranslateLines() {
    }

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("translate-lines: " + e.getMessage() + "\n" + CliArguments.USAGE);
            System.exit(2);
            return;
        }
        try (TranslationEngine engine = TranslationEngine.open(arguments.engine())) {
            run(engine, arguments, System.out);
        } catch (RuntimeException | IOException e) {
            System.err.println("translate-lines: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(TranslationEngine engine, CliArguments arguments, PrintStream out) throws IOException {
        GenerationOptions options = arguments.options(engine.defaults());
        ObjectMapper json = new ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String> chunk = new ArrayList<>();
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            chunk.add(line);
            if (chunk.size() == CHUNK) {
                write(translate(engine, chunk, arguments.idsIn(), options, json, lineNumber), json, out);
                lineNumber += chunk.size();
                chunk.clear();
            }
        }
        write(translate(engine, chunk, arguments.idsIn(), options, json, lineNumber), json, out);
        out.flush();
    }

    private static List<SentenceTranslation> translate(TranslationEngine engine, List<String> lines, boolean idsIn,
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
