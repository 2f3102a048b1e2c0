package dev.nlen.translation;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Who a translation is done for (an API key's id or a client address), bound by the HTTP layer around the call that
 * submits the work, so the scheduler can hold each client to its share of the queue without every layer in between
 * passing it on. A {@link ScopedValue}: bound for exactly that call, never left behind on a pooled thread.
 *
 * <p>One request may submit more than once (HTML: its sentences, then its inline phrases). Only the first submission
 * is checked against the client's share ({@link #claim}): a request once admitted is not refused halfway.
 */
public final class RequestClient {

    private record Binding(String client, AtomicBoolean claimed) {}

    private static final ScopedValue<Binding> CLIENT = ScopedValue.newInstance();

    private RequestClient() {
    }

    /** Runs {@code work} on behalf of {@code client} (null: nobody in particular). */
    public static <T> T call(String client, Supplier<T> work) {
        if (client == null) {
            return work.get();
        }
        return ScopedValue.where(CLIENT, new Binding(client, new AtomicBoolean())).call(work::get);
    }

    /** The client, for the first submission of the bound call; empty for later ones and outside a bound call. */
    public static Optional<String> claim() {
        if (!CLIENT.isBound()) {
            return Optional.empty();
        }
        Binding binding = CLIENT.get();
        return binding.claimed().getAndSet(true) ? Optional.empty() : Optional.of(binding.client());
    }
}
