package dev.nlen.model;

import java.util.List;

/** Names of the export's cache tensors: {@code past_key_values.{i}.decoder.key}, {@code present.{i}.encoder.value}. */
final class CacheNames {

    static final List<String> KINDS = List.of("key", "value");

    private CacheNames() {
    }

    static String past(int layer, String attention, String kind) {
        return "past_key_values." + layer + "." + attention + "." + kind;
    }

    static String present(int layer, String attention, String kind) {
        return "present." + layer + "." + attention + "." + kind;
    }

    /** Index in the arrays that hold a layer's key and value side by side: key at 2·layer, value at 2·layer+1. */
    static int slot(int layer, String kind) {
        return 2 * layer + KINDS.indexOf(kind);
    }
}
