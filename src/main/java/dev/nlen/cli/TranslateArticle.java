package dev.nlen.cli;

import dev.nlen.format.DocumentRenderer;
import dev.nlen.format.DocumentRenderers;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.text.ArticleSegmenter;
import dev.nlen.translation.ArticleTranslator;
import dev.nlen.translation.TranslationEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One article file to aligned bilingual text on stdout:
 * {@code TranslateArticle FILE [--format json|text|markdown|html|tmx] [translate-lines options]}.
 * The model is {@code --model DIR}, else {@code $TRANSLATOR_MODEL_DIR}, else models/opus-mt-nl-en.
 */
public final class TranslateArticle {

    private TranslateArticle() {
    }

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        Path file = null;
        DocumentRenderer renderer = DocumentRenderers.forFormatName("json").orElseThrow();
        List<String> engineArgs = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--format") && i + 1 < args.length) {
                    String name = args[++i];
                    renderer = DocumentRenderers.forFormatName(name).orElseThrow(() -> new IllegalArgumentException(
                            "--format must be one of json|text|markdown|html|tmx, not '" + name + "'"));
                } else if (!args[i].startsWith("--") && file == null) {
                    file = Path.of(args[i]);
                } else {
                    engineArgs.add(args[i]);
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("an article FILE is required");
            }
            if (!engineArgs.contains("--model")) {
                String dir = System.getenv().getOrDefault("TRANSLATOR_MODEL_DIR", "models/opus-mt-nl-en");
                engineArgs.addAll(List.of("--model", dir));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("translate-article: " + e.getMessage()
                    + "\nusage: translate-article.sh FILE [--format json|text|markdown|html|tmx] [--model DIR] "
                    + "[--beams N] [--max-new-tokens N] [--precision fp32|int8] [--device cpu|cuda|auto]");
            System.exit(2);
            return;
        }
        try {
            CliArguments arguments = CliArguments.parse(engineArgs.toArray(String[]::new));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            try (TranslationEngine engine = TranslationEngine.open(arguments.engine())) {
                GenerationOptions options = arguments.options(engine.defaults());
                String out = renderer.render(new ArticleTranslator(engine, new ArticleSegmenter()).translate(text, options));
                PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                stdout.print(out.endsWith("\n") ? out : out + "\n");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("translate-article: " + e.getMessage());
            System.exit(2);
        } catch (IOException | RuntimeException e) {
            System.err.println("translate-article: " + e.getMessage());
            System.exit(1);
        }
    }
}
