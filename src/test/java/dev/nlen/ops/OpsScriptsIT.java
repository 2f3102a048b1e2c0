package dev.nlen.ops;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * CI-sized runs of scripts/load-test.sh, soak.sh and failover-test.sh on the hand-weighted stand-in, against the
 * packaged application (failsafe runs after package). The long runs on the full-size stand-in are the same scripts
 * with bigger numbers (README, "Load, soak and failover").
 */
class OpsScriptsIT {

    private static final String MODEL = "src/test/resources/models/tiny-dict";

    @BeforeAll
    static void packagedApplication() {
        assumeTrue(Files.isRegularFile(Path.of("target/quarkus-app/quarkus-run.jar")),
                "target/quarkus-app is not built (run ./mvnw verify): ops script tests skipped");
        ScriptProcess.assumeTools("curl", "python3");
    }

    @Test
    void loadTestAnswersEveryRequestAndPrintsFigures() throws Exception {
        ScriptProcess run = ScriptProcess.run(300, "scripts/load-test.sh", "--model", MODEL,
                "--requests", "24", "--concurrency", "4", "--max-seconds", "240");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("24", run.result("requests"), run.output());
        assertEquals("0", run.result("failed"), run.output());
        assertTrue(Double.parseDouble(run.result("p99_ms")) >= Double.parseDouble(run.result("p50_ms")), run.output());
        assertTrue(Double.parseDouble(run.result("rss_peak_mb")) > 0, run.output());
    }

    @Test
    void soakSamplesRssAndNativeMemoryAndPrintsTheSlope() throws Exception {
        ScriptProcess run = ScriptProcess.run(300, "scripts/soak.sh", "--model", MODEL,
                // samples every 0.25 s: a trend needs 4 samples, and 300 answers take about 3 s on a fast machine
                "--requests", "300", "--concurrency", "4", "--sample-seconds", "0.25", "--max-seconds", "240");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("300", run.result("requests"), run.output());
        assertEquals("0", run.result("failed"), run.output());
        Double.parseDouble(run.result("rss_slope_mb_per_1k"));
        assertTrue(Double.parseDouble(run.result("nmt_end_mb")) > 0, "NMT sampled:\n" + run.output());
    }

    @Test
    void killingOneReplicaBehindHaproxyFailsNoClientRequest() throws Exception {
        ScriptProcess.assumeTools("haproxy");
        ScriptProcess run = ScriptProcess.run(400, "scripts/failover-test.sh", "--model", MODEL,
                "--requests", "60", "--concurrency", "6", "--kill-after", "20", "--max-seconds", "300");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("killing pid"), run.output());
        assertEquals("60", run.result("requests"), run.output());
        assertEquals("0", run.result("failed"), run.output());
        assertTrue(run.output().matches("(?s).*\\n  a +DOWN .*"), "the killed replica is marked down:\n" + run.output());
        assertTrue(run.output().matches("(?s).*\\n  b +UP +requests=[1-9].*"), run.output());
    }
}
