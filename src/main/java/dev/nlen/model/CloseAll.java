package dev.nlen.model;

import java.util.Arrays;
import java.util.List;

/**
 * The one close-everything loop of this package: every resource is closed, in the order given, even when one fails;
 * the first failure is thrown (a checked one wrapped), the others are suppressed into it. {@code null}s are skipped.
 */
final class CloseAll {

    private CloseAll() {
    }

    static void close(AutoCloseable... resources) {
        close(Arrays.asList(resources));
    }

    static void close(List<? extends AutoCloseable> resources) {
        RuntimeException failure = closeInto(null, resources);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Closes every resource after {@code primary} went wrong: their failures are suppressed into it.
     *
     * @return {@code primary}, or when it is {@code null} the first failure of a close (null when none failed)
     */
    static RuntimeException closeInto(Throwable primary, List<? extends AutoCloseable> resources) {
        RuntimeException first = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                } else if (first == null) {
                    first = e instanceof RuntimeException re ? re
                            : new IllegalStateException("closing native resources failed: " + e.getMessage(), e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }
}
