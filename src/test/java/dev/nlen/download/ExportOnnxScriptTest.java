package dev.nlen.download;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export needs Python and the network, so only its offline parts are tested: --help and --dry-run. */
class ExportOnnxScriptTest {

    private static final Path SCRIPT = Path.of("scripts/export-onnx.sh");

    @TempDir
    Path temp;

    @BeforeAll
    static void bashPresent() {
        ScriptRun.assumeTools("bash");
    }

    @Test
    void helpWorksOffline() throws Exception {
        ScriptRun run = ScriptRun.run(SCRIPT, Map.of(), "--help");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().contains("--dry-run") && run.stdout().contains("text2text-generation-with-past"),
                run::toString);
    }

    @Test
    void dryRunPrintsEveryStepAndTouchesNothing() throws Exception {
        Path dest = temp.resolve("export");
        Path venv = temp.resolve("venv");

        ScriptRun run = ScriptRun.run(SCRIPT, Map.of("PYTHON", "no-such-python"),
                "--dry-run", "--dest", dest.toString(), "--venv", venv.toString());

        assertEquals(0, run.exitCode(), run::toString);
        String out = run.stdout();
        assertTrue(out.contains("optimum-cli export onnx --model Helsinki-NLP/opus-mt-nl-en"
                + " --task text2text-generation-with-past"), out);
        assertTrue(out.contains("pip install"), out);
        assertTrue(out.contains("download-model.sh --only tokenizer.json"), out);
        assertTrue(out.contains("quantize_dynamic") && out.contains("decoder_model_merged"), out);
        assertTrue(out.indexOf("# 2.") < out.indexOf("# 5.") && out.contains("sha256sum"), out);
        assertFalse(Files.exists(dest), "a dry run creates no output folder");
        assertFalse(Files.exists(venv), "a dry run creates no virtual environment");
    }

    @Test
    void noQuantizeLeavesOutTheQuantizationStep() throws Exception {
        ScriptRun run = ScriptRun.run(SCRIPT, Map.of(), "--dry-run", "--no-quantize",
                "--dest", temp.resolve("export").toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.stdout().contains("quantize_dynamic"), run::toString);
    }

    @Test
    void rejectsAnUnknownOption() throws Exception {
        ScriptRun run = ScriptRun.run(SCRIPT, Map.of(), "--frobnicate");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("unknown argument"), run::toString);
    }
}
