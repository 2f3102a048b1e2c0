package dev.nlen.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one export folder for a chosen precision and decoder layout. {@code null} choices are automatic:
 * fp32 when present (it is what Hugging Face {@code generate} runs), else int8; the split decoders when both are
 * present (no dummy past on step one, no {@code If} node), else the merged one.
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
        boolean split = Files.isRegularFile(dir.resolve(p.fileName("decoder_model")))
                && Files.isRegularFile(dir.resolve(p.fileName("decoder_with_past_model")));
        return split ? DecoderLayout.SPLIT : DecoderLayout.MERGED;
    }
}
