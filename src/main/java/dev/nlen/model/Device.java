package dev.nlen.model;

import java.util.Locale;

/** Where the sessions run. {@code AUTO} takes CUDA when the runtime has it, else the CPU. */
public enum Device {
    CPU, CUDA, AUTO;

    public static Device parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device must be cpu, cuda or auto, not '" + text + "'");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
