package dev.nlen.api.deepl;

import dev.nlen.api.compat.CompatException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Characters sent to {@code /v2/translate} since start ({@code /v2/usage}'s character_count). */
@ApplicationScoped
public class DeepLUsage {

    /** DeepL's status for an exhausted quota. */
    static final int QUOTA_EXCEEDED = 456;

    private final AtomicLong characters = new AtomicLong();

    /** Counts {@code count} characters, or refuses with 456 when they would pass {@code limit}. */
    void reserve(long count, long limit) {
        long used;
        do {
            used = characters.get();
            if (used + count > limit) {
                throw new CompatException(QUOTA_EXCEEDED, "Quota exceeded: " + used + " of " + limit
                        + " characters used; this request has " + count + ".");
            }
        } while (!characters.compareAndSet(used, used + count));
    }

    long count() {
        return characters.get();
    }
}
