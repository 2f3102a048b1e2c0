package dev.nlen.api;

import dev.nlen.config.TranslatorConfig;
import dev.nlen.translation.AlignedDocument;
import dev.nlen.batching.QueueFullException;
import dev.nlen.batching.SchedulerClosedException;
import dev.nlen.translation.RequestClient;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One translation under the scheduling rules: refused with 503 and {@code Retry-After} when the queue is full, with
 * 429 and {@code Retry-After} when the client's own requests already hold its share of the queue,
 * stopped and answered 504 at the request timeout, stopped when the client goes away, answered 503 with
 * {@code Retry-After} when the service shuts down before it is done. Quarkus REST cancels the
 * returned future when the connection closes; the cancellation travels back to the queued and running sentences.
 */
final class BoundedTranslation {

    /** Renders answers: a thread each, so neither the batch workers nor a small shared pool wait on rendering. */
    private static final Executor RENDERING = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("render-", 0).factory());

    private BoundedTranslation() {
    }

    /** As below, for nobody in particular (only the whole queue's limit applies). */
    static CompletionStage<Response> start(TranslatorConfig.Scheduling scheduling,
                                           Supplier<CompletableFuture<AlignedDocument>> translation,
                                           Function<AlignedDocument, Response> render) {
        return start(scheduling, null, translation, render);
    }

    /** {@code client}: whose share of the queue the work counts against (API key id or address). */
    static CompletionStage<Response> start(TranslatorConfig.Scheduling scheduling, String client,
                                           Supplier<CompletableFuture<AlignedDocument>> translation,
                                           Function<AlignedDocument, Response> render) {
        CompletableFuture<AlignedDocument> document;
        try {
            document = RequestClient.call(client, translation);
        } catch (QueueFullException | SchedulerClosedException e) {
            return CompletableFuture.completedFuture(problemFor(e, scheduling).orElseThrow().response());
        }
        Duration timeout = scheduling.requestTimeout();
        document.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        // rendering off the batch worker that completes the document, so the next batch is not held up
        CompletableFuture<Response> response = document.handleAsync((done, failure) -> {
            if (failure == null) {
                return render.apply(done);
            }
            // timed out, or shut down before it was done (another replica can take it): their problems
            Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
            if (cause instanceof TimeoutException || cause instanceof SchedulerClosedException) {
                return problemFor(cause, scheduling).orElseThrow().response();
            }
            throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(cause);
        }, RENDERING);
        // the client hung up (Quarkus cancels the response): the sentences leave the queue and the batch
        response.whenComplete((done, failure) -> {
            if (response.isCancelled()) {
                document.cancel(true);
            }
        });
        return response;
    }

    /** A view of {@code work} that, when given up on (cancelled, timed out), gives up on {@code work} too. */
    static <T, R> CompletableFuture<R> following(CompletableFuture<T> work, Function<T, R> view) {
        CompletableFuture<R> derived = work.thenApply(view);
        derived.whenComplete((done, failure) -> {
            if (failure != null) {
                work.cancel(true);
            }
        });
        return derived;
    }

    /**
     * The problem a scheduling failure answers (queue full 503, client share 429, shutting down 503, timed out 504;
     * Retry-After where trying again helps); empty for any other failure.
     */
    static Optional<ProblemException> problemFor(Throwable failure, TranslatorConfig.Scheduling scheduling) {
        Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
        return switch (cause) {
            case QueueFullException e -> Optional.of(queueFull(e, scheduling.retryAfter()));
            case SchedulerClosedException e -> Optional.of(shuttingDown(scheduling.retryAfter()));
            case TimeoutException e -> Optional.of(timedOut(scheduling.requestTimeout()));
            default -> Optional.empty();
        };
    }

    private static ProblemException queueFull(QueueFullException e, Duration retryAfter) {
        if (e.scope() == QueueFullException.Scope.CLIENT) {
            return withRetryAfter(ProblemException.of(Response.Status.TOO_MANY_REQUESTS, "client-share",
                    "Too much work queued for this client", "your requests still queued or running hold " + e.held()
                            + " of the " + e.limit() + " units of work (beams × (source + generated tokens)) one"
                            + " client may hold; this request needs " + e.requested() + "; try again once they are"
                            + " answered", null, e.limit()), retryAfter);
        }
        return withRetryAfter(ProblemException.of(Response.Status.SERVICE_UNAVAILABLE, "queue-full", "Queue full",
                "the service holds as much work as it may (" + e.held() + " of " + e.limit()
                        + " units, beams × (source + generated tokens)); this request needs " + e.requested()
                        + "; try again later", null, e.limit()), retryAfter);
    }

    private static ProblemException shuttingDown(Duration retryAfter) {
        return withRetryAfter(ProblemException.of(Response.Status.SERVICE_UNAVAILABLE, "shutting-down",
                "Shutting down", "the service is shutting down and stopped this translation before it was done; "
                        + "try again", null, null), retryAfter);
    }

    private static ProblemException timedOut(Duration timeout) {
        return ProblemException.of(Response.Status.GATEWAY_TIMEOUT, "timeout", "Request timed out",
                "the translation was not done within " + timeout.toMillis() + " ms and was stopped", null,
                timeout.toMillis());
    }

    private static ProblemException withRetryAfter(ProblemException problem, Duration retryAfter) {
        return problem.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
    }
}
