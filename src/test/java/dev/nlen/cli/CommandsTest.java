package dev.nlen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlen.testing.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line mains: --help everywhere, config keys as defaults, every error in one line. */
class CommandsTest {

    private record Result(int code, String out, String err) {}

    private static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Commands.execute(command, new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Result(code, out + captured.toString(StandardCharsets.UTF_8), err.toString().strip());
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void everyMainHasHelpNamingTheServersConfigKeys() {
        for (Object command : new Object[] {new TranslateLines(), new TranslateArticle()}) {
            Result help = run(command, "--help");
            assertEquals(0, help.code(), help.err());
            assertTrue(help.out().contains("--model=DIR") && help.out().contains("translator.model.dir")
                    && help.out().contains("--max-new-tokens"), help.out());
        }
        assertTrue(run(new TranslateArticle(), "--help").out().contains("--in=FILE"));
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        Result unknown = run(new TranslateLines(), "--nope");
        assertEquals(2, unknown.code());
        assertEquals("translate-lines: Unknown option: '--nope' (see translate-lines --help)", unknown.err());
        Result notANumber = run(new TranslateLines(), "--beams", "many");
        assertEquals(2, notANumber.code());
        assertEquals(1, notANumber.err().lines().count(), notANumber.err());
        Result badChoice = run(new TranslateArticle(), "--in", "x.txt", "--format", "pdf");
        assertEquals(2, badChoice.code());
        assertEquals("translate-article: --format must be one of json|text|markdown|html|tmx, not 'pdf' "
                + "(see translate-article --help)", badChoice.err());
        Result noFile = run(new TranslateArticle());
        assertEquals("translate-article: an article is required: --in FILE (see translate-article --help)",
                noFile.err());
    }

    @Test
    void runtimeErrorsAreOneLineAndExitOne(@TempDir Path dir) throws IOException {
        Path article = Files.writeString(dir.resolve("a.txt"), "De kat zit op de mat.");
        Result missing = run(new TranslateArticle(), "--in", article.toString(), "--model", dir.resolve("none").toString());
        assertEquals(1, missing.code(), missing.err());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("translate-article: "), missing.err());
    }

    @Test
    void translatesAnArticleAndHtmlWithTheModelFromTheConfigKey(@TempDir Path dir) throws IOException {
        Path article = Files.writeString(dir.resolve("a.txt"), "De kat zit op de mat.");
        Path html = Files.writeString(dir.resolve("a.html"), "<p>De <b>kat</b> zit op de mat.</p>");
        System.setProperty("translator.model.dir", TestModels.TINY_DICT.toString());
        try {
            Result text = run(new TranslateArticle(), "--in", article.toString(), "--format", "text", "--beams", "1");
            assertEquals(0, text.code(), text.err());
            assertEquals("The cat sits on the mat.", text.out().strip());
            Result page = run(new TranslateArticle(), html.toString(), "--html", "--format", "html");
            assertEquals(0, page.code(), page.err());
            assertEquals("<p>The <b>cat</b> sits on the mat.</p>", page.out().strip());
            Result beams = run(new TranslateArticle(), "--in", article.toString(), "--beams", "99");
            assertEquals(2, beams.code());
            assertEquals("translate-article: --beams must be in [0, 16], not 99 (see translate-article --help)",
                    beams.err());
        } finally {
            System.clearProperty("translator.model.dir");
        }
    }
}
