package dev.nlen.config;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Where the model stands, as one state machine: loading → ready | failed (with the reason), and ready | loading →
 * closed at shutdown. One immutable state at a time, swapped atomically, instead of several volatile fields that a
 * reader could see half-updated. Whatever fails while loading, an {@link Error} too (a native library that does not
 * load), ends in {@link Failed} with its reason, and what was opened is closed again.
 *
 * @param <R> what loading opens (sessions, tokenizer, workers): closed on a failed warm-up and at shutdown
 */
public final class ModelLifecycle<R extends AutoCloseable> {

    /** The states; {@link Ready} is the only one that holds resources. */
    public sealed interface State<R> permits Loading, Ready, Failed, Closed { }

    public record Loading<R>() implements State<R> { }

    public record Ready<R>(R resources) implements State<R> {
        public Ready {
            Objects.requireNonNull(resources, "resources");
        }
    }

    public record Failed<R>(String reason) implements State<R> { }

    public record Closed<R>() implements State<R> { }

    private final AtomicReference<State<R>> state = new AtomicReference<>(new Loading<>());

    public State<R> state() {
        return state.get();
    }

    /**
     * Opens the resources, warms them up and publishes them as {@link Ready}. Any failure (exception or error) closes
     * what was opened and ends in {@link Failed}; a {@link #close()} that came first wins: what was opened is closed.
     *
     * @return the state loading ended in
     */
    public State<R> load(Callable<? extends R> open, Consumer<? super R> warmUp) {
        R opened = null;
        try {
            opened = open.call();
            warmUp.accept(opened);
            State<R> loading = state.get();
            if (loading instanceof Loading<R> && state.compareAndSet(loading, new Ready<>(opened))) {
                return state.get();
            }
            closeQuietly(opened, null); // closed (or loaded twice) meanwhile: nobody may use these
        } catch (Throwable failure) { // Errors too: "not ready, with the reason" beats a loader dead in silence
            closeQuietly(opened, failure);
            State<R> current = state.get();
            if (current instanceof Loading<R>) {
                state.compareAndSet(current, new Failed<>(reason(failure)));
            }
            if (failure instanceof VirtualMachineError fatal && !(failure instanceof OutOfMemoryError)) {
                throw fatal; // the JVM itself is broken: recorded, but not swallowed
            }
        }
        return state.get();
    }

    /** Shutdown: closes the resources if ready, and makes a load still running close what it opens. */
    public void close() throws Exception {
        State<R> previous = state.getAndSet(new Closed<>());
        if (previous instanceof Ready<R> ready) {
            ready.resources().close();
        }
    }

    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(AutoCloseable resources, Throwable failure) {
        if (resources == null) {
            return;
        }
        try {
            resources.close();
        } catch (Exception closing) {
            if (failure != null) {
                failure.addSuppressed(closing);
            }
        }
    }
}
