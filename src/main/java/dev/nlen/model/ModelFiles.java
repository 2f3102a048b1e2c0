package dev.nlen.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one export folder for a chosen precision and decoder layout. {@code null} choices are automatic:
 * fp32 when present (it is what Hugging Face {@code generate} runs), else int8; the merged decoder when present,
 * else the split pair. Merged holds one copy of the decoder weights (the split pair two, 240 + 227 MB in fp32) and
 * measured as fast: full-size stand-in, 2 shared cores, fp32, 32 forced tokens, split vs merged, two interleaved
 * rounds: greedy batch 1 33.6 / 67.4 vs 64.7 / 69.9 tokens/s, greedy batch 32 140 / 311 vs 310 / 307, beam 4
 * batch 32 102 / 150 vs 152 / 148; peak RSS 2.37 vs 2.11 GB (loaded: 1.27 vs 1.12 GB). See README "CPU settings".
 */
public record ModelFiles(Path dir, Precision precision, DecoderLayout layout) {

    public static ModelFiles resolve(Path dir, Precision precision, DecoderLayout layout) {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(dir, "model folder does not exist");
        }
        Precision p = precision != null ? precision : autoPrecision(dir);
        DecoderLayout l = layout != null ? layout : autoLayout(dir, p);
        ModelFiles files = new ModelFiles(dir, p, l);
        files.requireGraphs();
        return files;
    }

    public Path configJson() {
        return dir.resolve("config.json");
    }

    /** {@code generation_config.json} when the export has one (Hugging Face then ignores config.json's defaults). */
    public Optional<Path> generationConfigJson() {
        Path file = dir.resolve("generation_config.json");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public Path encoder() {
        return graph("encoder_model");
    }

    public Path mergedDecoder() {
        return graph("decoder_model_merged");
    }

    public Path firstStepDecoder() {
        return graph("decoder_model");
    }

    public Path withPastDecoder() {
        return graph("decoder_with_past_model");
    }

    private Path graph(String name) {
        return dir.resolve(precision.fileName(name));
    }

    private void requireGraphs() {
        require(encoder());
        if (layout == DecoderLayout.MERGED) {
            require(mergedDecoder());
        } else {
            require(firstStepDecoder());
            require(withPastDecoder());
        }
    }

    private static void require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "missing file");
        }
    }

    private static Precision autoPrecision(Path dir) {
        for (Precision p : Precision.values()) {
            if (Files.isRegularFile(dir.resolve(p.fileName("encoder_model")))) {
                return p;
            }
        }
        throw new ModelLoadException(dir.resolve("onnx"), "no encoder_model.onnx or encoder_model_quantized.onnx");
    }

    private static DecoderLayout autoLayout(Path dir, Precision p) {
        return Files.isRegularFile(dir.resolve(p.fileName("decoder_model_merged"))) ? DecoderLayout.MERGED
                : DecoderLayout.SPLIT;
    }
}
