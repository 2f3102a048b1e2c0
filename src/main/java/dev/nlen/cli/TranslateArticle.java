package dev.nlen.cli;

import dev.nlen.format.DocumentRenderer;
import dev.nlen.format.DocumentRenderers;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.markup.HtmlDocument;
import dev.nlen.text.ArticleSegmenter;
import dev.nlen.translation.ArticleTranslator;
import dev.nlen.translation.TranslatedHtml;
import dev.nlen.translation.PooledTranslator;
import dev.nlen.translation.TranslationEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * One article file to aligned bilingual text on stdout. The file is {@code --in FILE} (or the one positional
 * argument); {@code --html} reads it as HTML, and {@code --format html} then writes the same HTML in English.
 */
@Command(name = "translate-article", mixinStandardHelpOptions = true, version = "nlen-translator 0.1.0",
        description = "One Dutch article file to the aligned bilingual document on stdout.")
public final class TranslateArticle implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = {"--in", "-i"}, paramLabel = "FILE", description = "The article (UTF-8)")
    Path in;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The article, when --in is not given")
    Path positional;

    @Option(names = "--format", paramLabel = "json|text|markdown|html|tmx", defaultValue = "json",
            description = "Output format. Default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--html", description = "The file is HTML: its blocks are the paragraphs; with --format html "
            + "the answer is the same HTML in English")
    boolean html;

    public static void main(String[] args) {
        System.exit(Commands.execute(new TranslateArticle(), args));
    }

    @Override
    public Integer call() throws IOException {
        DocumentRenderer renderer = DocumentRenderers.forFormatName(format).orElseThrow(() -> new UsageException(
                "--format must be one of json|text|markdown|html|tmx, not '" + format + "'"));
        if (in != null && positional != null) {
            throw new UsageException("give the article once: --in FILE or FILE");
        }
        Path file = in != null ? in : positional;
        if (file == null) {
            throw new UsageException("an article is required: --in FILE");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (TranslationEngine engine = TranslationEngine.open(engineOptions.engine());
             PooledTranslator pool = PooledTranslator.ofBatchSize(engine, engineOptions.batchSize())) {
            GenerationOptions options = engineOptions.options(engine.defaults());
            ArticleTranslator translator = new ArticleTranslator(pool, new ArticleSegmenter());
            String out;
            if (html) {
                TranslatedHtml translated = translator.translate(HtmlDocument.parse(text), options);
                out = format.equals("html") ? translated.html() : renderer.render(translated.document());
            } else {
                out = renderer.render(translator.translate(text, options));
            }
            PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            stdout.print(out.endsWith("\n") ? out : out + "\n");
        }
        return 0;
    }
}
