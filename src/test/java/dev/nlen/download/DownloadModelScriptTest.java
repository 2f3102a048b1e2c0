package dev.nlen.download;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs scripts/download-model.sh against a stand-in hub on 127.0.0.1 serving small generated files. */
class DownloadModelScriptTest {

    private static final Path SCRIPT = Path.of("scripts/download-model.sh");
    private static final String REPO = "test-org/opus-mt-nl-en";
    private static final String REVISION = "0123456789abcdef0123456789abcdef01234567";
    private static final String ENCODER = "onnx/encoder_model_quantized.onnx";
    private static final String DECODER = "onnx/decoder_model_merged_quantized.onnx";

    private final Map<String, byte[]> gitFiles = new LinkedHashMap<>();
    private final Map<String, byte[]> lfsFiles = new LinkedHashMap<>();
    private FakeHub hub;

    @TempDir
    Path temp;

    @BeforeAll
    static void toolsPresent() {
        ScriptRun.assumeTools("bash", "curl", "sha256sum", "sha1sum");
    }

    @BeforeEach
    void startHub() throws IOException {
        Random random = new Random(42);
        gitFiles.put("config.json", utf8("{\"model_type\": \"marian\", \"d_model\": 8}\n"));
        gitFiles.put("generation_config.json", utf8("{\"num_beams\": 4}\n"));
        gitFiles.put("tokenizer_config.json", utf8("{\"model_max_length\": 512}\n"));
        gitFiles.put("vocab.json", utf8("{\"</s>\": 0, \"<unk>\": 1}\n"));
        lfsFiles.put("tokenizer.json", randomBytes(random, 20_000));
        lfsFiles.put("source.spm", randomBytes(random, 9_000));
        lfsFiles.put("target.spm", randomBytes(random, 9_001));
        lfsFiles.put(ENCODER, randomBytes(random, 70_000));
        lfsFiles.put(DECODER, randomBytes(random, 90_000));
        lfsFiles.put("onnx/encoder_model.onnx", randomBytes(random, 30_000));
        lfsFiles.put("onnx/decoder_model_merged.onnx", randomBytes(random, 40_000));
        hub = new FakeHub(REPO, REVISION);
        gitFiles.forEach(hub::addGitFile);
        lfsFiles.forEach(hub::addLfsFile);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void downloadsAndVerifiesEveryInt8FileThroughTheCdnRedirect() throws Exception {
        ScriptRun run = download(Map.of());

        assertEquals(0, run.exitCode(), run::toString);
        for (String path : int8Files()) {
            assertArrayEquals(content(path), Files.readAllBytes(dest().resolve(path)), path);
        }
        assertFalse(Files.exists(dest().resolve("onnx/encoder_model.onnx")), "int8 fetches no fp32 graph");
        assertFalse(Files.exists(dest().resolve("special_tokens_map.json")), "optional file absent on the hub");
        assertTrue(run.stderr().contains("special_tokens_map.json: not in"), run::toString);
        assertEquals(List.of(), partFiles());
        assertTrue(hub.requests().stream().anyMatch(r -> r.path().startsWith("/cdn/")), "LFS redirect followed");
        String source = Files.readString(dest().resolve("model-source.json"));
        assertTrue(source.contains("\"revision\": \"") && source.contains("\"repo\": \""), source);
    }

    @Test
    void fp32PrecisionFetchesTheFullPrecisionGraphsOnly() throws Exception {
        ScriptRun run = download(Map.of(), "--precision", "fp32");

        assertEquals(0, run.exitCode(), run::toString);
        assertArrayEquals(content("onnx/decoder_model_merged.onnx"),
                Files.readAllBytes(dest().resolve("onnx/decoder_model_merged.onnx")));
        assertFalse(Files.exists(dest().resolve(ENCODER)));
    }

    @Test
    void onlyFetchesTheNamedFiles() throws Exception {
        ScriptRun run = download(Map.of(), "--only", "tokenizer.json");

        assertEquals(0, run.exitCode(), run::toString);
        try (Stream<Path> files = Files.list(dest())) {
            assertEquals(List.of(".verified.tsv", "tokenizer.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void resumesAfterTheServerDropsTheConnectionMidFile() throws Exception {
        hub.dropConnectionOnce(DECODER);

        ScriptRun run = download(Map.of());

        assertEquals(0, run.exitCode(), run::toString);
        assertArrayEquals(content(DECODER), Files.readAllBytes(dest().resolve(DECODER)));
        assertTrue(hub.requests().stream().anyMatch(r -> r.range() != null && r.range().matches("bytes=[1-9]\\d*-")),
                () -> "a Range request continued the file: " + hub.requests());
    }

    @Test
    void resumesFromAPartFileLeftByAnEarlierRun() throws Exception {
        Path part = dest().resolve(ENCODER + ".part");
        Files.createDirectories(part.getParent());
        Files.write(part, Arrays.copyOf(content(ENCODER), 1000));

        ScriptRun run = download(Map.of());

        assertEquals(0, run.exitCode(), run::toString);
        assertArrayEquals(content(ENCODER), Files.readAllBytes(dest().resolve(ENCODER)));
        assertTrue(hub.requests().stream().anyMatch(r -> "bytes=1000-".equals(r.range())), hub.requests()::toString);
        assertFalse(Files.exists(part));
    }

    @Test
    void rejectsAFileWhoseDigestDiffersFromTheHubsAndNamesBothHashes() throws Exception {
        byte[] tampered = content(DECODER).clone();
        tampered[5] ^= 1;
        hub.corrupt(DECODER, tampered);

        ScriptRun run = download(Map.of());

        assertEquals(6, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains(DECODER), run::toString);
        assertTrue(run.stderr().contains(FakeHub.sha256(content(DECODER))), run::toString);
        assertTrue(run.stderr().contains(FakeHub.sha256(tampered)), run::toString);
        assertFalse(Files.exists(dest().resolve(DECODER)));
        assertFalse(Files.exists(dest().resolve(DECODER + ".part")));
    }

    @Test
    void rejectsAFileThatDiffersFromTheManifest() throws Exception {
        String wrong = "0".repeat(64);
        Path manifest = manifest(Map.of("config.json", wrong));

        ScriptRun run = download(Map.of(), "--manifest", manifest.toString());

        assertEquals(6, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains(wrong) && run.stderr().contains(FakeHub.sha256(content("config.json"))),
                run::toString);
        assertFalse(Files.exists(dest().resolve("config.json")));
    }

    @Test
    void usesTheManifestInsteadOfAskingTheHub() throws Exception {
        Path manifest = manifest(Map.of(ENCODER, FakeHub.sha256(content(ENCODER))));

        ScriptRun run = download(Map.of(), "--manifest", manifest.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(hub.requests().stream().noneMatch(r -> r.method().equals("HEAD") && r.path().endsWith(ENCODER)),
                hub.requests()::toString);
    }

    @Test
    void wrongRevisionIsA404WithAClearMessage() throws Exception {
        ScriptRun run = download(Map.of(), "--revision", "f".repeat(40));

        assertEquals(5, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("404") && run.stderr().contains("--revision"), run::toString);
        assertEquals(1, run.stderr().lines().filter(l -> l.contains("error")).count(), run::toString);
    }

    @Test
    void gatedRepositoryNeedsHfToken() throws Exception {
        hub.requireToken("s3cret");

        ScriptRun refused = download(Map.of());
        assertEquals(4, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("401") && refused.stderr().contains("HF_TOKEN"), refused::toString);

        ScriptRun allowed = download(Map.of("HF_TOKEN", "s3cret"));
        assertEquals(0, allowed.exitCode(), allowed::toString);
        assertTrue(hub.requests().stream().anyMatch(r -> "Bearer s3cret".equals(r.authorization())));
    }

    @Test
    void skipsFilesAlreadyPresentAndVerifiedAndReplacesATamperedOne() throws Exception {
        assertEquals(0, download(Map.of()).exitCode());
        FileTime before = Files.getLastModifiedTime(dest().resolve(DECODER));
        hub.close();
        hub = new FakeHub(REPO, REVISION);
        gitFiles.forEach(hub::addGitFile);
        lfsFiles.forEach(hub::addLfsFile);

        ScriptRun again = download(Map.of());
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(0, hub.getCount(), hub.requests()::toString);
        assertEquals(before, Files.getLastModifiedTime(dest().resolve(DECODER)));

        Files.writeString(dest().resolve("source.spm"), "tampered");
        ScriptRun repair = download(Map.of());
        assertEquals(0, repair.exitCode(), repair::toString);
        assertArrayEquals(content("source.spm"), Files.readAllBytes(dest().resolve("source.spm")));
        assertTrue(hub.requests().stream().filter(r -> r.method().equals("GET"))
                .allMatch(r -> r.path().endsWith("source.spm") || r.path().startsWith("/cdn/")), hub.requests()::toString);
    }

    @Test
    void retriesATransientServerError() throws Exception {
        hub.failOnce("tokenizer.json", 503);

        ScriptRun run = download(Map.of());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("retrying"), run::toString);
        assertArrayEquals(content("tokenizer.json"), Files.readAllBytes(dest().resolve("tokenizer.json")));
    }

    @Test
    void noServerListeningIsReportedAsNoNetwork() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ScriptRun run = download(Map.of("HF_ENDPOINT", "http://127.0.0.1:" + closedPort));

        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("no network"), run::toString);
    }

    @Test
    void refusesToStartWithoutRoomForTheFiles() throws Exception {
        hub.advertiseSize(DECODER, 1L << 55);

        ScriptRun run = download(Map.of());

        assertEquals(7, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("disk space"), run::toString);
        assertEquals(0, hub.getCount(), "nothing downloaded before the space check");
    }

    @Test
    void refusesAFileWhoseDigestCannotBeEstablished() throws Exception {
        hub.hideDigest("vocab.json");

        ScriptRun run = download(Map.of());

        assertEquals(8, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("vocab.json"), run::toString);
    }

    private ScriptRun download(Map<String, String> extraEnv, String... extraArgs) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "HF_ENDPOINT", hub.endpoint(),
                "DOWNLOAD_MAX_ATTEMPTS", "3",
                "DOWNLOAD_BACKOFF_SECONDS", "0.05"));
        env.putAll(extraEnv);
        List<String> args = Stream.concat(Stream.of("--repo", REPO, "--revision", REVISION,
                        "--dest", dest().toString(), "--manifest", temp.resolve("absent.tsv").toString()),
                Stream.of(extraArgs)).toList();
        return ScriptRun.run(SCRIPT, env, args.toArray(String[]::new));
    }

    private Path manifest(Map<String, String> sha256ByPath) throws IOException {
        StringBuilder table = new StringBuilder("# repo\trevision\tpath\tsize\tsha256\n");
        sha256ByPath.forEach((path, sha) -> table.append(String.join("\t", REPO, REVISION, path,
                Integer.toString(content(path).length), sha)).append('\n'));
        return Files.writeString(temp.resolve("manifest.tsv"), table);
    }

    private Path dest() {
        return temp.resolve("model");
    }

    private List<String> int8Files() {
        return Stream.concat(gitFiles.keySet().stream(), lfsFiles.keySet().stream())
                .filter(p -> !p.startsWith("onnx/") || p.contains("quantized")).toList();
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dest())) {
            return files.filter(p -> p.toString().endsWith(".part")).toList();
        }
    }

    private byte[] content(String path) {
        return gitFiles.containsKey(path) ? gitFiles.get(path) : lfsFiles.get(path);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
