package dev.nlen.tokenize;

/** Which files of a model directory the tokenizer is built from. */
public enum TokenizerSource {
    /** {@link #SPM} when {@code source.spm} and {@code vocab.json} exist, else {@link #JSON}. */
    AUTO,
    /** {@code source.spm} + {@code vocab.json} (+ {@code target.spm}): the tokenization the model was trained with. */
    SPM,
    /** Only {@code tokenizer.json} (transformers.js export): an approximation, see {@link XenovaTokenizerJson}. */
    JSON
}
