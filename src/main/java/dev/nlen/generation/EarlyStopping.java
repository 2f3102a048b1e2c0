package dev.nlen.generation;

/**
 * {@code early_stopping} of {@code generation_config.json}: {@code true} stops a sentence once it has
 * {@code num_beams} finished hypotheses; {@code false} also asks whether a live beam could still beat the worst of
 * them at the current length; {@code "never"} asks the same at the longest possible length.
 */
public enum EarlyStopping {
    TRUE, FALSE, NEVER
}
