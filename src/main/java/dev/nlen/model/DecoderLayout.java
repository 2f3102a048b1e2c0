package dev.nlen.model;

/**
 * How the export ships the decoder: one merged graph with a {@code use_cache_branch} input, or
 * {@code decoder_model} for the first step plus {@code decoder_with_past_model} for the rest.
 */
public enum DecoderLayout {
    MERGED, SPLIT
}
