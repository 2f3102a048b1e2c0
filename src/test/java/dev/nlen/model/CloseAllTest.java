package dev.nlen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every close runs, in order, when some fail; the first failure is thrown with the others suppressed into it. */
class CloseAllTest {

    @Test
    void everyCloseRunsAndTheFirstFailureCarriesTheRest() {
        List<String> closed = new ArrayList<>();
        IllegalStateException first = new IllegalStateException("first");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> CloseAll.close(
                () -> closed.add("a"),
                () -> {
                    closed.add("b");
                    throw first;
                },
                null,
                () -> {
                    closed.add("c");
                    throw new IOException("checked");
                },
                () -> closed.add("d")));
        assertSame(first, thrown);
        assertEquals(List.of("a", "b", "c", "d"), closed);
        assertEquals(1, thrown.getSuppressed().length);
        assertEquals("checked", thrown.getSuppressed()[0].getMessage());
    }

    @Test
    void aCheckedFailureAloneIsWrappedAndAPrimaryFailureCollectsAll() {
        RuntimeException wrapped = assertThrows(IllegalStateException.class,
                () -> CloseAll.close(() -> {
                    throw new IOException("disk");
                }));
        assertEquals("disk", wrapped.getCause().getMessage());
        Exception primary = new Exception("load failed");
        assertEquals(null, CloseAll.closeInto(primary, List.of(() -> {
            throw new IOException("x");
        }, () -> {
            throw new IllegalStateException("y");
        })));
        assertEquals(2, primary.getSuppressed().length);
    }
}
