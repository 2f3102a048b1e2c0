package dev.nlen.translation;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who a translation is done for (an API key's id or a client address), bound by the HTTP layer around the call that
 * submits the work, so the scheduler can hold each client to its share of the queue without every layer in between
 * passing it on. A {@link ScopedValue}: bound for exactly that call, never left behind on a pooled thread.
 */
public final class RequestClient {

    private static final ScopedValue<String> CLIENT = ScopedValue.newInstance();

    private RequestClient() {
    }

    /** Runs {@code work} on behalf of {@code client} (null: nobody in particular). */
    public static <T> T call(String client, Supplier<T> work) {
        if (client == null) {
            return work.get();
        }
        return ScopedValue.where(CLIENT, client).call(work::get);
    }

    public static Optional<String> current() {
        return CLIENT.isBound() ? Optional.of(CLIENT.get()) : Optional.empty();
    }
}
