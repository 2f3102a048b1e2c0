package dev.nlen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Rows of the hand-weighted fixture's EXPECTED*.tsv files: Dutch, then the expected English column(s). */
public record Expected(String dutch, List<String> english) {

    public static List<Expected> read(String file) {
        try {
            return Files.readAllLines(TestModels.TINY_DICT.resolve(file), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cols -> new Expected(cols[0], List.of(cols).subList(1, cols.length)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** EXPECTED.tsv: translations every decoding option must give. */
    public static List<Expected> translations() {
        return read("EXPECTED.tsv");
    }

    public String first() {
        return english.getFirst();
    }
}
