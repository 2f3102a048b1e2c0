package dev.nlen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** scripts/measure-stream.sh on the hand-weighted stand-in: every paragraph streamed, the first before the last. */
class MeasureStreamIT {

    @Test
    void printsTheFirstParagraphBeforeTheWholeStream() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("target/quarkus-app/quarkus-run.jar")),
                "target/quarkus-app is not built (run ./mvnw verify): test skipped");
        ScriptProcess.assumeTools("curl", "python3");
        ScriptProcess run = ScriptProcess.run(300, "scripts/measure-stream.sh", "--model",
                "src/test/resources/models/tiny-dict", "--article", "scripts/load/articles/04-article.txt",
                "--beams", "2", "--runs", "1");
        assertEquals(0, run.exitCode(), run.output());
        long paragraphs = Files.readString(Path.of("scripts/load/articles/04-article.txt")).strip()
                .split("\\n\\s*\\n").length;
        assertEquals(String.valueOf(paragraphs), run.result("paragraphs"), run.output());
        assertTrue(Long.parseLong(run.result("first_paragraph_ms")) <= Long.parseLong(run.result("stream_ms")),
                run.output());
        assertTrue(Long.parseLong(run.result("whole_ms")) > 0, run.output());
    }
}
