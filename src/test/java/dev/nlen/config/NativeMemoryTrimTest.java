package dev.nlen.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The mechanism behind RSS returning to its baseline after a large batch (arena off): memory malloc'ed in pieces
 * below the mmap threshold, as ONNX Runtime's tensors are without its arena, stays resident after free() until
 * malloc_trim gives it back.
 */
class NativeMemoryTrimTest {

    @Test
    void freedMallocMemoryIsGivenBackByTrim() throws IOException {
        Assumptions.assumeTrue(NativeMemoryTrim.available(), "not glibc");
        NativeMemoryTrim.trim();
        List<Arena> pieces = new ArrayList<>();
        for (int i = 0; i < 3000; i++) { // 3000 × 100 KB = 300 MB, each below glibc's 128 KB mmap threshold
            Arena arena = Arena.ofConfined();
            MemorySegment piece = arena.allocate(100 * 1024);
            for (long b = 0; b < piece.byteSize(); b += 4096) {
                piece.set(ValueLayout.JAVA_BYTE, b, (byte) 1); // resident
            }
            pieces.add(arena);
        }
        // keep the last piece so the heap's top is not free: only trim's madvise of inner pages can give memory back
        for (int i = 0; i < pieces.size() - 1; i++) {
            pieces.get(i).close();
        }
        long freed = rssKb();
        NativeMemoryTrim.trim();
        long trimmed = rssKb();
        pieces.getLast().close();
        System.out.printf("300 MB malloc'ed and freed: RSS %d MB, after malloc_trim %d MB%n", freed / 1024,
                trimmed / 1024);
        assertTrue(freed - trimmed > 150 * 1024, "trim gave back only " + (freed - trimmed) / 1024 + " MB");
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS");
    }
}
